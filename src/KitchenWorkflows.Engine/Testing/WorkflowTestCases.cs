using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Testing;

/// <summary>
/// Where a definition keeps its test cases: <c>customProperties.testCases</c> of the definition JSON. Elsa keeps a
/// definition's <c>customProperties</c> as they are and ignores what it does not know, and our reader keeps them
/// verbatim, so the test cases travel with the definition (export, import, the shipped <c>workflows/</c> files) and are
/// versioned with it: a version is published with the test cases it was saved with, and a draft that changes the
/// script can change what its test cases expect in the same save, which the publish diff then shows.
/// </summary>
public static class WorkflowTestCases
{
    /// <summary>The property of <c>customProperties</c> that holds them.</summary>
    public const string PropertyName = "testCases";

    private const string Path = "$.customProperties." + PropertyName;

    /// <summary>The test cases of a definition; none when it has none or they do not read (<see cref="Problems"/> says why).</summary>
    public static IReadOnlyList<WorkflowTestCase> Read(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return TryRead(definition, out var cases, out _) ? cases : [];
    }

    /// <summary>Replaces a definition's test cases; an empty list removes the property.</summary>
    public static void Write(WorkflowDefinition definition, IReadOnlyList<WorkflowTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(cases);
        if (definition.Extensions["customProperties"] is not JsonObject properties)
        {
            properties = [];
            definition.Extensions["customProperties"] = properties;
        }

        if (cases.Count == 0)
        {
            properties.Remove(PropertyName);
            return;
        }

        properties[PropertyName] = JsonSerializer.SerializeToNode(cases, WorkflowStateSerializer.Options);
    }

    /// <summary>What is wrong with a definition's test cases, by JSON path: a shape that does not read, a missing or repeated name.</summary>
    public static IReadOnlyList<ValidationError> Problems(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!TryRead(definition, out var cases, out var error))
        {
            return [error!];
        }

        var problems = new List<ValidationError>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var name = cases[i].Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new($"{Path}[{i}].name", "A test case needs a name."));
            }
            else if (!names.Add(name))
            {
                problems.Add(new($"{Path}[{i}].name", $"There are two test cases named '{name}'."));
            }
        }

        return problems;
    }

    private static bool TryRead(WorkflowDefinition definition, out IReadOnlyList<WorkflowTestCase> cases, out ValidationError? error)
    {
        cases = [];
        error = null;
        if (definition.Extensions["customProperties"] is not JsonObject properties || properties[PropertyName] is not { } node)
        {
            return true;
        }

        try
        {
            var read = node.Deserialize<List<WorkflowTestCase?>>(WorkflowStateSerializer.Options) ?? [];
            // JSON null deserializes into properties the model declares non-null: refused here, so a reader never meets it.
            var broken = read.FindIndex(c => c is null || c.Input is null || c.Expected is null);
            if (broken >= 0)
            {
                error = new($"{Path}[{broken}]", "A test case is an object with a name, an input object and an expected object.");
                return false;
            }

            cases = read!;
            return true;
        }
        catch (JsonException ex)
        {
            // The serializer's path starts at the list ("$[0].input"): rooted where the list sits in the definition.
            error = new(Path + (ex.Path ?? "$")[1..], $"The test cases do not read: {ex.Message}");
            return false;
        }
    }
}
