using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>New activities from the palette: a free id and name (<c>WriteLine1</c>, <c>WriteLine2</c>...) and the inputs' defaults.</summary>
public static class ActivityFactory
{
    public static ActivityNode Create(ActivityTypeInfo type, IEnumerable<string> takenIds)
    {
        var id = FreeId(type.TypeName, takenIds.ToHashSet(StringComparer.Ordinal));
        var node = new ActivityNode { Id = id, Name = id, Type = type.TypeName, Version = type.Version };
        node.Metadata["displayText"] = type.DisplayName;
        foreach (var input in type.Inputs)
        {
            node.Inputs[input.Name] = new ActivityInput
            {
                TypeName = input.TypeName,
                Expression = input.DefaultValue is null ? null : new WorkflowExpression(input.DefaultSyntax, input.DefaultValue),
            };
        }

        return node;
    }

    /// <summary>The type's short name with the first number not taken: <c>WriteLine1</c>, <c>WriteLine2</c>...</summary>
    public static string FreeId(string typeName, IReadOnlySet<string> taken)
    {
        var stem = typeName[(typeName.LastIndexOf('.') + 1)..];
        var number = 1;
        while (taken.Contains(stem + number))
        {
            number++;
        }

        return stem + number;
    }
}
