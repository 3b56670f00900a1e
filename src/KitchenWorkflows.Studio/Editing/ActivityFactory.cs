using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>New activities from the palette: a free id and name (<c>WriteLine1</c>, <c>WriteLine2</c>...) and the inputs' defaults.</summary>
public static class ActivityFactory
{
    public static ActivityNode Create(ActivityTypeInfo type, IEnumerable<string> takenIds)
    {
        var taken = takenIds.ToHashSet(StringComparer.Ordinal);
        var stem = type.TypeName[(type.TypeName.LastIndexOf('.') + 1)..];
        var number = 1;
        while (taken.Contains(stem + number))
        {
            number++;
        }

        var node = new ActivityNode { Id = stem + number, Name = stem + number, Type = type.TypeName, Version = type.Version };
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
}
