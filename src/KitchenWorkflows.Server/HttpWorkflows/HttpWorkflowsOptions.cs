using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Server.HttpWorkflows;

/// <summary>How the server serves <c>Elsa.HttpEndpoint</c> routes (the <c>HttpEndpoints</c> section; the <c>Http</c> section is <c>Elsa.SendHttpRequest</c>'s).</summary>
internal sealed class HttpWorkflowsOptions
{
    public const string SectionName = "HttpEndpoints";

    /// <summary>The prefix the endpoints' paths are served under, Elsa's <c>BasePath</c>.</summary>
    [RegularExpression("^(/[A-Za-z0-9._~-]+)+$", ErrorMessage = "HttpEndpoints:BasePath is one or more path segments, such as /workflows.")]
    public string BasePath { get; set; } = "/workflows";

    /// <summary>How long a request waits for the workflow's answer at most; an endpoint's <c>requestTimeout</c> may shorten it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether endpoints whose <c>authorize</c> is false may be called without a key or sign-in. Off: every endpoint wants
    /// a caller the server knows, as the API does, because an open endpoint starts workflows for anyone on the network.
    /// </summary>
    public bool AllowAnonymous { get; set; }
}
