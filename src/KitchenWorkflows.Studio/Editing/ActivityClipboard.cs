using Blazor.Diagrams.Core.Geometry;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// The designer's clipboard, one per browser tab (a scoped service lives as long as the circuit): what is copied in
/// one definition pastes into another opened in the same tab.
/// </summary>
public sealed class ActivityClipboard
{
    /// <summary>How far each paste lands from the previous one, so that copies never hide what they were copied from.</summary>
    public const double Step = 40;

    private int _pastes;

    public FlowFragment? Content { get; private set; }

    public void Hold(FlowFragment fragment)
    {
        Content = fragment;
        _pastes = 0;
    }

    /// <summary>The shift of the next paste from the copied positions: one step further each time.</summary>
    public Point NextShift()
    {
        _pastes++;
        return new Point(Step * _pastes, Step * _pastes);
    }
}
