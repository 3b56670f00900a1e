namespace KitchenWorkflows.Engine.Alterations;

/// <summary>What one alteration does, or would do, to one instance.</summary>
/// <param name="Type">The alteration's type (Elsa's name).</param>
/// <param name="Applies">Whether it applies; when one does not, the instance is left as it was.</param>
/// <param name="Message">What it does, or why it cannot.</param>
/// <param name="Migration">A migration's map of what the instance holds onto the target version.</param>
public sealed record AlterationStep(string Type, bool Applies, string Message, MigrationMap? Migration = null);

/// <summary>How what an instance waits on, holds and runs maps onto another version of its definition.</summary>
/// <param name="FromVersion">The instance's version.</param>
/// <param name="ToVersion">The target version.</param>
/// <param name="Bookmarks">Each bookmark, by the activity that waits.</param>
/// <param name="Variables">Each variable, by name, and those the target version adds.</param>
/// <param name="Activities">The rest of the pending work: queued activities, running composites, tokens, the faulted activity.</param>
public sealed record MigrationMap(int FromVersion, int ToVersion, IReadOnlyList<MappedItem> Bookmarks, IReadOnlyList<MappedItem> Variables, IReadOnlyList<MappedItem> Activities)
{
    /// <summary>Whether everything maps.</summary>
    public bool Maps => Bookmarks.All(b => b.Maps) && Variables.All(v => v.Maps) && Activities.All(a => a.Maps);
}

/// <summary>One thing an instance holds, and whether (and how) it maps onto the target version.</summary>
/// <param name="Id">The activity id (bookmarks, pending work) or the variable name.</param>
/// <param name="Maps">Whether it maps.</param>
/// <param name="Note">How it maps, or why not.</param>
public sealed record MappedItem(string Id, bool Maps, string Note);
