namespace KitchenWorkflows.Persistence.Audit;

/// <summary>The audited actions and the entity types they apply to.</summary>
public static class AuditActions
{
    /// <summary>A definition saved as a draft.</summary>
    public const string DefinitionSave = "definition.save";

    /// <summary>A definition version published.</summary>
    public const string DefinitionPublish = "definition.publish";

    /// <summary>A shipped definition imported (saved and published) from <c>workflows/</c>.</summary>
    public const string DefinitionImport = "definition.import";

    /// <summary>A definition's published version retracted: nothing new starts it until it is published again.</summary>
    public const string DefinitionRetract = "definition.retract";

    /// <summary>A definition deleted with all its versions.</summary>
    public const string DefinitionDelete = "definition.delete";

    /// <summary>An instance cancelled by hand.</summary>
    public const string InstanceCancel = "instance.cancel";

    /// <summary>A faulted instance retried by hand.</summary>
    public const string InstanceRetry = "instance.retry";

    /// <summary>Ended instances deleted by hand (one, or those a filter selected).</summary>
    public const string InstanceDelete = "instance.delete";

    /// <summary>A bulk plan submitted (cancel, retry or delete of many instances).</summary>
    public const string BulkSubmit = "bulk.submit";

    /// <summary>An instance altered by an alteration plan (migrated, a variable set, an activity scheduled or cancelled).</summary>
    public const string InstanceAlter = "instance.alter";

    /// <summary>An alteration plan submitted.</summary>
    public const string AlterationSubmit = "alteration.submit";

    /// <summary>An event sent through the API.</summary>
    public const string EventPublish = "event.publish";

    /// <summary>An API key created.</summary>
    public const string ApiKeyCreate = "api-key.create";

    /// <summary>An API key revoked.</summary>
    public const string ApiKeyRevoke = "api-key.revoke";

    /// <summary>A local account created.</summary>
    public const string AccountCreate = "account.create";

    /// <summary>A local account's roles, password or state changed.</summary>
    public const string AccountUpdate = "account.update";

    /// <summary>Entity type of definitions.</summary>
    public const string Definition = "definition";

    /// <summary>Entity type of instances.</summary>
    public const string Instance = "instance";

    /// <summary>Entity type of bulk plans.</summary>
    public const string BulkPlan = "bulk-plan";

    /// <summary>Entity type of events (the id is the event name).</summary>
    public const string Event = "event";

    /// <summary>Entity type of API keys.</summary>
    public const string ApiKey = "api-key";

    /// <summary>Entity type of accounts (the id is the user name).</summary>
    public const string Account = "account";
}
