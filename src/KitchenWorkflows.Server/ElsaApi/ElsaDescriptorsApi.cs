using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Elsa's descriptor routes: the activity types, expression languages, variable types and the strategies a designer
/// picks from. Each lists what this server does, under Elsa's type names, so a choice made in Elsa Studio means here
/// what it means in Elsa; where we have none of a kind, the list is empty, as Elsa's is without the module.
/// </summary>
internal static class ElsaDescriptorsApi
{
    public static void MapElsaDescriptors(this RouteGroupBuilder elsa)
    {
        var descriptors = elsa.MapGroup("/descriptors").RequireAuthorization(Policies.ReadDefinitions);
        descriptors.MapGet("/activities", Activities).WithName("ElsaListActivityDescriptors");
        descriptors.MapPost("/activities/{activityTypeName}/options/{propertyName}", Options).WithName("ElsaActivityDescriptorOptions");
        descriptors.MapGet("/expression-descriptors", Expressions).WithName("ElsaListExpressionDescriptors");
        descriptors.MapGet("/variables", Variables).WithName("ElsaListVariableTypes");
        descriptors.MapGet("/storage-drivers", StorageDrivers).WithName("ElsaListStorageDrivers");
        descriptors.MapGet("/workflow-activation-strategies", ActivationStrategies).WithName("ElsaListActivationStrategies");
        descriptors.MapGet("/incident-strategies", IncidentStrategies).WithName("ElsaListIncidentStrategies");
        descriptors.MapGet("/log-persistence-strategies", LogPersistenceStrategies).WithName("ElsaListLogPersistenceStrategies");
        descriptors.MapGet("/commit-strategies/workflows", NoCommitStrategies).WithName("ElsaListWorkflowCommitStrategies");
        descriptors.MapGet("/commit-strategies/activities", NoCommitStrategies).WithName("ElsaListActivityCommitStrategies");
        descriptors.MapGet("/output-converters", NoOutputConverters).WithName("ElsaListOutputConverters");
    }

    private static Ok<ElsaList<ElsaActivityDescriptor>> Activities(ActivityRegistry registry)
    {
        var all = registry.Descriptors.Select(ElsaActivityDescriptors.From).ToList();
        return TypedResults.Ok(new ElsaList<ElsaActivityDescriptor>(all, all.Count));
    }

    // A dropdown's options are in the descriptor already (no input of ours computes them from the context).
    private static Results<Ok<ElsaOptionsResponse>, NotFound> Options(string activityTypeName, string propertyName, ActivityRegistry registry) =>
        registry.TryGetDescriptor(activityTypeName, out var descriptor)
        && descriptor.Inputs.FirstOrDefault(i => string.Equals(i.Name, propertyName, StringComparison.OrdinalIgnoreCase)) is { } input
            ? TypedResults.Ok(new ElsaOptionsResponse(input.Options is { Count: > 0 } options
                ? new Dictionary<string, object> { ["dropdown"] = new { SelectList = new { Items = options.Select(o => new ElsaSelectListItem(o, o)).ToList() } } }
                : []))
            : TypedResults.NotFound();

    private static Ok<ElsaList<ElsaExpressionDescriptor>> Expressions() => List<ElsaExpressionDescriptor>(
    [
        new(ExpressionTypes.Literal, "Literal", IsSerializable: true, IsBrowsable: false, new Dictionary<string, string>()),
        new(ExpressionTypes.JavaScript, "JavaScript", IsSerializable: true, IsBrowsable: true, new Dictionary<string, string> { ["MonacoLanguage"] = "javascript" }),
        new(ExpressionTypes.Liquid, "Liquid", IsSerializable: true, IsBrowsable: true, new Dictionary<string, string> { ["MonacoLanguage"] = "liquid" }),
        new(ExpressionTypes.Variable, "Variable", IsSerializable: true, IsBrowsable: true, new Dictionary<string, string>()),
    ]);

    // The dynamic types hold any JSON; every other alias is a primitive, as Elsa groups them.
    private static Ok<ElsaItems<ElsaVariableTypeDescriptor>> Variables() => TypedResults.Ok(new ElsaItems<ElsaVariableTypeDescriptor>(
        [.. VariableTypes.Names.Select(name => new ElsaVariableTypeDescriptor(name, name, name is "Object" or "JsonObject" or "ExpandoObject" ? "Dynamic" : "Primitives", null))]));

    // Variables live in the instance's state, which is what Elsa's workflow instance driver does.
    private static Ok<ElsaItems<ElsaStorageDriverDescriptor>> StorageDrivers() => TypedResults.Ok(new ElsaItems<ElsaStorageDriverDescriptor>(
        [new("Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core", "Workflow Instance", 0, false)]));

    // A trigger or start always makes a new instance here.
    private static Ok<ElsaList<ElsaStrategyDescriptor>> ActivationStrategies() => List<ElsaStrategyDescriptor>(
        [new("Elsa.Workflows.ActivationValidators.AllowAlwaysStrategy, Elsa.Workflows.Core", "Always", "Always allow the creation of a new workflow instance.")]);

    // An activity that fails beyond its retries faults the whole instance here.
    private static Ok<ElsaList<ElsaStrategyDescriptor>> IncidentStrategies() => List<ElsaStrategyDescriptor>(
        [new("Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core", "Fault", "An incident strategy that puts the entire workflow in the Faulted state.")]);

    // Every execution goes into the journal here.
    private static Ok<ElsaList<ElsaStrategyDescriptor>> LogPersistenceStrategies() => List<ElsaStrategyDescriptor>(
        [new("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", null)]);

    // The runtime commits at its own points (every wait and the end), not by a strategy one chooses.
    private static Ok<ElsaList<ElsaCommitStrategyDescriptor>> NoCommitStrategies() => List<ElsaCommitStrategyDescriptor>([]);

    private static Ok<ElsaItems<object>> NoOutputConverters() => TypedResults.Ok(new ElsaItems<object>([]));

    private static Ok<ElsaList<T>> List<T>(IReadOnlyList<T> items) => TypedResults.Ok(new ElsaList<T>(items, items.Count));

    /// <summary>Elsa's list answers that carry only items (storage drivers, variable types, output converters).</summary>
    internal sealed record ElsaItems<T>(IReadOnlyList<T> Items);

    /// <summary>Elsa's <c>GetActivityDescriptorOptionsResponse</c>.</summary>
    internal sealed record ElsaOptionsResponse(IDictionary<string, object> Items);

    /// <summary>Elsa's <c>ExpressionDescriptor</c>.</summary>
    internal sealed record ElsaExpressionDescriptor(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, string> Properties);

    /// <summary>Elsa's <c>VariableTypeDescriptor</c>.</summary>
    internal sealed record ElsaVariableTypeDescriptor(string TypeName, string DisplayName, string Category, string? Description);

    /// <summary>Elsa's <c>StorageDriverDescriptor</c>.</summary>
    internal sealed record ElsaStorageDriverDescriptor(string TypeName, string DisplayName, double Priority, bool Deprecated);

    /// <summary>Elsa's activation, incident and log-persistence strategy descriptors (one shape).</summary>
    internal sealed record ElsaStrategyDescriptor(string TypeName, string DisplayName, string? Description);

    /// <summary>Elsa's <c>CommitStrategyDescriptor</c>.</summary>
    internal sealed record ElsaCommitStrategyDescriptor(string Name, string DisplayName, string Description);
}
