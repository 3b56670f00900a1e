namespace KitchenWorkflows.Engine.LogPersistence;

/// <summary>Whether a value is written to the journal (Elsa 3's <c>LogPersistenceMode</c>, in its order, so its numbers mean the same).</summary>
public enum LogPersistenceMode
{
    /// <summary>As the level above says: the activity's default, the workflow's, the server's (Include).</summary>
    Inherit,

    /// <summary>Written.</summary>
    Include,

    /// <summary>Left out: how personal data is kept out of the journal.</summary>
    Exclude,
}
