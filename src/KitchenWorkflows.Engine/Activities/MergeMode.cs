namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// How an activity with several inbound connections decides to run, following Elsa 3.6's token model
/// (set as <c>customProperties.mergeMode</c>). Forward connections are those that are not loop back-edges.
/// </summary>
public enum MergeMode
{
    /// <summary>Default. Runs once no forward source is still pending; dead paths don't block; loops work.</summary>
    Stream,

    /// <summary>Waits for a token on every forward connection whose source was activated.</summary>
    Merge,

    /// <summary>Waits for a token on every inbound connection, forward and backward.</summary>
    Converge,

    /// <summary>Runs once per arriving token.</summary>
    Cascade,

    /// <summary>Runs on the first token and cancels the pending work of the other inbound branches.</summary>
    Race,

    /// <summary>Elsa 3.6's name for running on every arrival, as <see cref="Cascade"/> does.</summary>
    None,
}
