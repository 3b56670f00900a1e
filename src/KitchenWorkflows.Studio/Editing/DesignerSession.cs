using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Events;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Diagrams;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// One open definition in the designer: the definition, its canvas, undo/redo, the selection and the
/// last validation report. Every change ends in <see cref="Commit"/>, which records an undo step.
/// </summary>
public sealed partial class DesignerSession
{
    private const string ErrorColor = "#d32f2f";
    private const string LinkColor = "#78909c";
    private string _savedSnapshot = "";
    private IReadOnlyList<ConnectionLinkModel> _sentLinks = [];

    public DesignerSession(WorkflowDefinition definition, IReadOnlyList<ActivityTypeInfo> types, bool readOnly = false, ActivityClipboard? clipboard = null)
    {
        Clipboard = clipboard ?? new ActivityClipboard();
        Types = types.GroupBy(t => t.TypeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ReadOnly = readOnly;
        Diagram = CreateDiagram(readOnly);
        Definition = definition;
        FlowchartDiagramMapper.Load(Diagram, Definition, Types);
        _savedSnapshot = Snapshot();
        History = new UndoHistory(_savedSnapshot);
        if (readOnly)
        {
            foreach (var node in Diagram.Nodes)
            {
                node.Locked = true;
            }
        }
        else
        {
            // Moves, new links and deletions all end in a pointer-up or a key; one hook records them all.
            Diagram.PointerUp += (_, _) => Commit();
            Diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
            Diagram.KeyDown += OnKeyDown;
            Diagram.SelectionChanged += _ => Changed?.Invoke();
        }
    }

    /// <summary>Raised after every change, undo, redo and validation, so the page re-renders.</summary>
    public event Action? Changed;

    public WorkflowDefinition Definition { get; private set; }

    public BlazorDiagram Diagram { get; }

    public IReadOnlyDictionary<string, ActivityTypeInfo> Types { get; }

    public UndoHistory History { get; }

    public bool ReadOnly { get; }

    public ValidationReport Report { get; private set; } = ValidationReport.Empty;

    public bool IsDirty => History.Current != _savedSnapshot;

    public ActivityNodeModel? SelectedNode => Diagram.GetSelectedModels().OfType<ActivityNodeModel>().FirstOrDefault();

    /// <summary>The definition as the canvas shows it now, ready to send.</summary>
    public WorkflowDefinition ToDefinition()
    {
        _sentLinks = FlowchartDiagramMapper.Save(Diagram, Definition);
        return Definition;
    }

    /// <summary>Records the current state as an undo step when it changed.</summary>
    public void Commit()
    {
        if (History.Record(Snapshot()))
        {
            Changed?.Invoke();
        }
    }

    public ActivityNodeModel AddActivity(ActivityTypeInfo type, Point position)
    {
        var activity = ActivityFactory.Create(type, Definition.Root.Activities.Select(a => a.Id).Concat(Diagram.Nodes.Select(n => n.Id)));
        Definition.Root.Activities.Add(activity);
        var node = Diagram.Nodes.Add(new ActivityNodeModel(activity, type, ActivityOutcomes.For(activity, type, []), position));
        Diagram.UnselectAll();
        Diagram.SelectModel(node, unselectOthers: true);
        Commit();
        return node;
    }

    public void DeleteSelection()
    {
        var selected = Diagram.GetSelectedModels().ToList();
        Diagram.Batch(() =>
        {
            foreach (var link in selected.OfType<BaseLinkModel>())
            {
                Diagram.Links.Remove(link);
            }

            foreach (var node in selected.OfType<ActivityNodeModel>())
            {
                Diagram.Nodes.Remove(node);
            }
        });
        Commit();
    }

    public void Undo() => Restore(History.Undo());

    public void Redo() => Restore(History.Redo());

    /// <summary>Takes a saved version as the new baseline (its id and version number come from the server).</summary>
    public void MarkSaved(WorkflowDefinition saved)
    {
        Definition.Id = saved.Id;
        Definition.DefinitionId = saved.DefinitionId;
        Definition.Version = saved.Version;
        Definition.IsLatest = saved.IsLatest;
        Definition.IsPublished = saved.IsPublished;
        _savedSnapshot = Snapshot();
        History.Record(_savedSnapshot);
        ShowReport(ValidationReport.Empty);
    }

    /// <summary>Shows the server's errors for the definition last sent on its nodes and links.</summary>
    public void ShowReport(ValidationReport report)
    {
        Report = report;
        foreach (var node in Diagram.Nodes.OfType<ActivityNodeModel>())
        {
            node.Errors = report.ForActivity(node.Activity.Id);
            node.Refresh();
        }

        for (var i = 0; i < _sentLinks.Count; i++)
        {
            _sentLinks[i].Color = report.ConnectionErrors.ContainsKey(i) ? ErrorColor : LinkColor;
            _sentLinks[i].Refresh();
        }

        Changed?.Invoke();
    }

    /// <summary>Call after editing the selected activity in the property panel.</summary>
    public void ActivityEdited(ActivityNodeModel node)
    {
        Commit();
        var outcomes = ActivityOutcomes.For(node.Activity, node.Type, Definition.Root.Connections);
        if (!outcomes.SequenceEqual(node.OutcomePorts.Select(p => p.Name)))
        {
            // The ports changed (a switch case was added, moved or deleted): rebuild the canvas from the recorded state,
            // and keep the activity selected, so that its properties stay open.
            Restore(History.Current);
            if (Diagram.Nodes.FirstOrDefault(n => n.Id == node.Id) is { } rebuilt)
            {
                Diagram.SelectModel(rebuilt, unselectOthers: true);
            }

            return;
        }

        node.Refresh();
        Changed?.Invoke();
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "Delete" or "Backspace":
                DeleteSelection();
                break;
            case "z" or "Z" when e.CtrlKey:
                if (e.ShiftKey)
                {
                    Redo();
                }
                else
                {
                    Undo();
                }

                break;
            case "y" or "Y" when e.CtrlKey:
                Redo();
                break;
            case "c" or "C" when e.CtrlKey:
                CopySelection();
                break;
            case "v" or "V" when e.CtrlKey:
                Paste();
                break;
        }
    }

    private void Restore(string snapshot)
    {
        Definition = WorkflowDefinitionSerializer.Deserialize(snapshot);
        FlowchartDiagramMapper.Load(Diagram, Definition, Types);
        _sentLinks = [];
        Report = ValidationReport.Empty;
        Changed?.Invoke();
    }

    private string Snapshot()
    {
        FlowchartDiagramMapper.Save(Diagram, Definition);
        return WorkflowDefinitionSerializer.Serialize(Definition);
    }

    private static BlazorDiagram CreateDiagram(bool readOnly)
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = !readOnly,
            Zoom = { Enabled = true, Minimum = 0.2, Maximum = 2 },
            Links =
            {
                DefaultColor = LinkColor,
                EnableSnapping = true,
                SnappingRadius = 30,
                // A link dropped on empty canvas stays, dangling, so the server's error can point at it.
                RequireTarget = false,
                Factory = (_, source, target) => source is ActivityPortModel { IsInbound: false } port && !readOnly
                    ? new ConnectionLinkModel(new SinglePortAnchor(port), target, null)
                    : null,
                TargetAnchorFactory = (_, _, target) => target is ActivityNodeModel node ? new SinglePortAnchor(node.InPort) : new SinglePortAnchor((ActivityPortModel)target),
            },
        };
        var diagram = new BlazorDiagram(options);
        diagram.RegisterComponent<ActivityNodeModel, Components.Designer.ActivityNodeWidget>();
        return diagram;
    }
}
