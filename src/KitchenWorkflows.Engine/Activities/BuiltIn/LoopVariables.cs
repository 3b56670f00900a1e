namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>The variables a loop declares for each run of its body, named as Elsa names them.</summary>
internal static class LoopVariables
{
    public const string CurrentValue = "CurrentValue";

    public const string CurrentIndex = "CurrentIndex";

    public static Dictionary<string, object?> For(object? value, int index) => new(StringComparer.Ordinal)
    {
        [CurrentValue] = value,
        [CurrentIndex] = index,
    };
}
