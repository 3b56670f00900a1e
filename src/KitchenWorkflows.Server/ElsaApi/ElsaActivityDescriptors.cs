using KitchenWorkflows.Engine.Activities;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's <c>ActivityDescriptor</c>: what Elsa Studio's picker and property panel are built from.</summary>
internal sealed record ElsaActivityDescriptor(
    string TypeName, string Namespace, string Name, int Version, string Category, string? DisplayName, string? Description,
    IReadOnlyList<ElsaInputDescriptor> Inputs, IReadOnlyList<ElsaOutputDescriptor> Outputs, ElsaActivityKind Kind, IReadOnlyList<ElsaPort> Ports,
    IReadOnlyDictionary<string, object> CustomProperties, IReadOnlyDictionary<string, object> ConstructionProperties,
    bool IsContainer, bool IsBrowsable, bool IsStart, bool IsTerminal);

/// <summary>Elsa's <c>InputDescriptor</c>.</summary>
internal sealed record ElsaInputDescriptor(
    string Name, string TypeName, string? DisplayName, string? Description, float Order, bool? IsBrowsable, bool IsSynthetic,
    bool IsWrapped, string UIHint, string? Category, object? DefaultValue, string? DefaultSyntax, bool? IsReadOnly, bool IsSensitive,
    string? StorageDriverType, IReadOnlyDictionary<string, object>? UISpecifications);

/// <summary>Elsa's <c>OutputDescriptor</c>.</summary>
internal sealed record ElsaOutputDescriptor(string Name, string TypeName, string? DisplayName, string? Description, float Order, bool? IsBrowsable, bool IsSynthetic);

/// <summary>Elsa's <c>Port</c>.</summary>
internal sealed record ElsaPort(string Name, string? DisplayName, ElsaPortType Type, bool? IsBrowsable);

/// <summary>Elsa's <c>PortType</c>: flow ports are the outcomes a flowchart connects.</summary>
internal enum ElsaPortType
{
    /// <summary>A slot holding a child activity.</summary>
    Embedded,

    /// <summary>An outcome connected in a flowchart.</summary>
    Flow,
}

/// <summary>Elsa's <c>ActivityKind</c>.</summary>
internal enum ElsaActivityKind
{
    /// <summary>Does its work when it runs.</summary>
    Action,

    /// <summary>Can start a workflow.</summary>
    Trigger,

    /// <summary>Long-running work.</summary>
    Job,

    /// <summary>Work done outside.</summary>
    Task,
}

/// <summary>Elsa's <c>SelectListItem</c> of a dropdown's options.</summary>
internal sealed record ElsaSelectListItem(string Text, string Value);

/// <summary>Our activity descriptors in Elsa's shape: the same types, inputs and outcome ports, with Elsa's UI hint names.</summary>
internal static class ElsaActivityDescriptors
{
    public static ElsaActivityDescriptor From(ActivityDescriptor descriptor)
    {
        var dot = descriptor.TypeName.LastIndexOf('.');
        return new ElsaActivityDescriptor(
            descriptor.TypeName,
            dot > 0 ? descriptor.TypeName[..dot] : "",
            dot > 0 ? descriptor.TypeName[(dot + 1)..] : descriptor.TypeName,
            descriptor.Version,
            descriptor.Category,
            descriptor.DisplayName,
            descriptor.Description,
            [.. descriptor.Inputs.Select((input, index) => Input(input, index))],
            [],
            descriptor.IsTrigger ? ElsaActivityKind.Trigger : ElsaActivityKind.Action,
            [.. descriptor.Outcomes.Select(o => new ElsaPort(o, o, ElsaPortType.Flow, true))],
            new Dictionary<string, object> { ["hasDynamicOutcomes"] = descriptor.HasDynamicOutcomes },
            new Dictionary<string, object>(),
            IsContainer: false,
            IsBrowsable: true,
            IsStart: descriptor.TypeName == "Elsa.Start",
            IsTerminal: descriptor.Outcomes.Count == 0 && !descriptor.HasDynamicOutcomes);
    }

    // Every input of ours takes an expression (Elsa's Input<T>), so every one is wrapped.
    private static ElsaInputDescriptor Input(InputDescriptor input, int index) => new(
        input.Name, input.TypeName, input.DisplayName, input.Description, index, true, false,
        true, UIHint(input.UIHint), null, input.DefaultValue, input.DefaultSyntax, null, false, null,
        input.Options is { Count: > 0 } options
            ? new Dictionary<string, object> { ["dropdown"] = new { SelectList = new { Items = options.Select(o => new ElsaSelectListItem(o, o)).ToList() } } }
            : null);

    // Ours are spelled with a hyphen where Elsa's are one word; the rest are the same names.
    private static string UIHint(string hint) => hint switch
    {
        InputUIHints.SingleLine => "singleline",
        InputUIHints.MultiLine => "multiline",
        InputUIHints.MultiText => "multitext",
        _ => hint,
    };
}
