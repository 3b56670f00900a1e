using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KitchenWorkflows.Engine.Alterations;

/// <summary>
/// A change made by hand to an instance that is not running now, as Elsa 3 names it (<c>Elsa.Alterations</c>). Its JSON
/// carries Elsa's <c>type</c> discriminator and property names, so a plan reads the same on either server.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MigrateAlteration), MigrateAlteration.TypeName)]
[JsonDerivedType(typeof(ModifyVariableAlteration), ModifyVariableAlteration.TypeName)]
[JsonDerivedType(typeof(ScheduleActivityAlteration), ScheduleActivityAlteration.TypeName)]
[JsonDerivedType(typeof(CancelActivityAlteration), CancelActivityAlteration.TypeName)]
public abstract record Alteration
{
    /// <summary>Elsa's name of the alteration type (written as the discriminator, so not as a property).</summary>
    [JsonIgnore]
    public abstract string Type { get; }
}

/// <summary>Moves the instance to another version of its definition, when everything it waits on and holds maps onto it.</summary>
/// <param name="TargetVersion">The version to move to.</param>
public sealed record MigrateAlteration(int TargetVersion) : Alteration
{
    /// <summary>Elsa's type name.</summary>
    public const string TypeName = "Migrate";

    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => TypeName;
}

/// <summary>Sets a workflow variable, converted to its declared type.</summary>
/// <param name="VariableId">The variable's id in the definition, or its name.</param>
/// <param name="Value">The new value.</param>
public sealed record ModifyVariableAlteration(string VariableId, JsonNode? Value) : Alteration
{
    /// <summary>Elsa's type name.</summary>
    public const string TypeName = "ModifyVariable";

    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => TypeName;
}

/// <summary>Queues an activity of the root flowchart, and runs the instance on from it.</summary>
/// <param name="ActivityId">The activity's id.</param>
public sealed record ScheduleActivityAlteration(string ActivityId) : Alteration
{
    /// <summary>Elsa's type name.</summary>
    public const string TypeName = "ScheduleActivity";

    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => TypeName;
}

/// <summary>Drops what an activity of the root flowchart has queued, waiting or running; the instance runs on without it.</summary>
/// <param name="ActivityId">The activity's id.</param>
public sealed record CancelActivityAlteration(string ActivityId) : Alteration
{
    /// <summary>Elsa's type name.</summary>
    public const string TypeName = "CancelActivity";

    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => TypeName;
}
