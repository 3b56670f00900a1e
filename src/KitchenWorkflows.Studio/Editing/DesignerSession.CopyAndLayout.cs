using Blazor.Diagrams.Core.Geometry;
using KitchenWorkflows.Studio.Diagrams;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>Copy, paste, duplicate and auto-layout: each one undo step, like every other change.</summary>
public sealed partial class DesignerSession
{
    // What a node not yet measured (no browser, or not rendered yet) counts as: the width the stylesheet gives a node.
    private static readonly Size UnmeasuredNode = new(240, 80);

    /// <summary>The clipboard copies go to; the tab's own when the page passes it, so copies cross definitions.</summary>
    public ActivityClipboard Clipboard { get; }

    public bool HasSelectedActivities => Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Any();

    /// <summary>Copies the selected activities, with the connections between them, to the clipboard.</summary>
    public void CopySelection()
    {
        if (SelectedFragment() is { } fragment)
        {
            Clipboard.Hold(fragment);
        }
    }

    /// <summary>Pastes the clipboard, a step away from where it was copied, or with its top left at <paramref name="at"/>.</summary>
    public void Paste(Point? at = null)
    {
        if (Clipboard.Content is { } fragment && !ReadOnly)
        {
            PasteFragment(fragment, at is { } point ? new Point(point.X - fragment.TopLeft.X, point.Y - fragment.TopLeft.Y) : Clipboard.NextShift());
        }
    }

    /// <summary>Copies the selection next to itself, leaving the clipboard as it was.</summary>
    public void DuplicateSelection()
    {
        if (SelectedFragment() is { } fragment && !ReadOnly)
        {
            PasteFragment(fragment, new Point(ActivityClipboard.Step, ActivityClipboard.Step));
        }
    }

    /// <summary>Arranges every activity in layers from left to right, following the connections.</summary>
    public void AutoLayout()
    {
        if (ReadOnly)
        {
            return;
        }

        var nodes = Diagram.Nodes.OfType<ActivityNodeModel>().ToList();
        FlowchartDiagramMapper.Save(Diagram, Definition);
        var positions = LayeredLayout.Arrange(
            [.. nodes.Select(n => (n.Activity.Id, n.Size ?? UnmeasuredNode))],
            Definition.Root.Connections.Select(c => (c.Source, c.Target)));
        Diagram.Batch(() =>
        {
            foreach (var node in nodes)
            {
                var position = positions[node.Activity.Id];
                node.SetPosition(position.X, position.Y);
            }
        });
        Commit();
    }

    private FlowFragment? SelectedFragment()
    {
        var ids = Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Select(n => n.Activity.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return null;
        }

        FlowchartDiagramMapper.Save(Diagram, Definition);
        return FlowFragment.Of(Definition, ids);
    }

    private void PasteFragment(FlowFragment fragment, Point shift)
    {
        FlowchartDiagramMapper.Save(Diagram, Definition);
        var pasted = fragment.PasteInto(Definition, shift).ToHashSet(StringComparer.Ordinal);
        FlowchartDiagramMapper.Load(Diagram, Definition, Types);
        Diagram.UnselectAll();
        foreach (var node in Diagram.Nodes.OfType<ActivityNodeModel>().Where(n => pasted.Contains(n.Activity.Id)))
        {
            Diagram.SelectModel(node, unselectOthers: false);
        }

        Commit();
    }
}
