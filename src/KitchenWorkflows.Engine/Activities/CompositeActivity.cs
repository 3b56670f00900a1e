using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// An activity that runs other activities, as Elsa's composite activities do: its execution schedules children
/// (<see cref="ActivityExecutionContext.Schedule"/>) and returns <see cref="ActivityResult.Running"/>; it is
/// called back as each child completes and completes when it says so. Its progress lives in its
/// <see cref="ExecutionFrame"/> (<see cref="ActivityExecutionContext.Frame"/>), which the instance state persists.
/// </summary>
public abstract class CompositeActivity : Activity
{
    private IReadOnlyList<(NestedActivity Nested, Activity Child)> _children = [];

    /// <summary>The bound children, in document order, with where each sits in the JSON.</summary>
    public IReadOnlyList<(NestedActivity Nested, Activity Child)> Children => _children;

    /// <summary>Decides what a child's completion means: <see cref="ActivityResult.Running"/> to go on, or a completion.</summary>
    public abstract ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion);

    /// <summary>The children held in one slot (<c>activities</c>, <c>branches</c>), in order.</summary>
    protected IReadOnlyList<Activity> ChildrenIn(string slot) => [.. _children.Where(c => c.Nested.Slot == slot).Select(c => c.Child)];

    /// <summary>The child held in a single slot (<c>body</c>, <c>then</c>), if any.</summary>
    protected Activity? ChildIn(string slot) => _children.FirstOrDefault(c => c.Nested.Slot == slot).Child;

    internal virtual void Attach(IReadOnlyList<(NestedActivity Nested, Activity Child)> children) => _children = children;
}
