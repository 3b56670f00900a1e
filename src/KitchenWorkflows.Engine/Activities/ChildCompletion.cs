namespace KitchenWorkflows.Engine.Activities;

/// <summary>What a composite is told when an activity it scheduled completed.</summary>
/// <param name="Child">The child that completed.</param>
/// <param name="Outcomes">The ports it completed through.</param>
/// <param name="Iteration">The iteration the child ran for, when it was scheduled with variables (a loop body).</param>
public sealed record ChildCompletion(Activity Child, IReadOnlyList<string> Outcomes, int? Iteration)
{
    /// <summary>Whether the child is a terminal activity (End, Break, Complete).</summary>
    public bool IsTerminal => Child is ITerminalActivity;
}
