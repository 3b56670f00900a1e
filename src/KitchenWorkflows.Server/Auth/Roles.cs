namespace KitchenWorkflows.Server.Auth;

/// <summary>The roles a caller can have. Accounts (people) have ops roles; an API key has exactly one role.</summary>
internal static class Roles
{
    /// <summary>Keys, accounts and the audit log; and everything designers and operators may do.</summary>
    public const string Admin = "admin";

    /// <summary>Edits and publishes definitions, and runs them to test.</summary>
    public const string Designer = "designer";

    /// <summary>Watches instances, retries, cancels, sends events.</summary>
    public const string Operator = "operator";

    /// <summary>A service centre: only the dismantling endpoints, only its own tasks.</summary>
    public const string ServiceCentre = "service-centre";

    /// <summary>An outside system: starts the definitions its key allows and sends them events.</summary>
    public const string ApiClient = "api-client";

    /// <summary>Every role an API key can carry.</summary>
    public static readonly string[] All = [Admin, Designer, Operator, ServiceCentre, ApiClient];

    /// <summary>The roles of people who sign in to the Studio.</summary>
    public static readonly string[] Ops = [Admin, Designer, Operator];
}
