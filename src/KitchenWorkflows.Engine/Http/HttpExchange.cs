namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// The request an instance's run answers: the host opens one around the run that an inbound request starts or resumes,
/// and <c>Elsa.WriteHttpResponse</c> in that run sets its response. It flows with the run's async context (an
/// <see cref="AsyncLocal{T}"/>), so it needs no plumbing through the runtime, and it is bound to the one instance: an
/// instance that the run resumes in passing (an event it publishes) does not answer someone else's request.
/// </summary>
public sealed class HttpExchange : IDisposable
{
    private static readonly AsyncLocal<HttpExchange?> Ambient = new();
    private readonly HttpExchange? _outer;
    private readonly TaskCompletionSource<HttpResponseData> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HttpExchange(string instanceId)
    {
        InstanceId = instanceId;
        _outer = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The instance that answers.</summary>
    public string InstanceId { get; }

    /// <summary>Completes with the first response the instance writes.</summary>
    public Task<HttpResponseData> Answered => _answered.Task;

    /// <summary>Opens the exchange for a run of <paramref name="instanceId"/> in the current async context.</summary>
    public static HttpExchange Open(string instanceId) => new(instanceId ?? throw new ArgumentNullException(nameof(instanceId)));

    /// <summary>The exchange waiting for <paramref name="instanceId"/>'s answer in this async context, if any.</summary>
    public static HttpExchange? For(string instanceId) => Ambient.Value is { } exchange && exchange.InstanceId == instanceId ? exchange : null;

    /// <summary>Sets the response; false when one was set already (a second <c>WriteHttpResponse</c>: the first one wins, as the caller has it).</summary>
    public bool Answer(HttpResponseData response) => _answered.TrySetResult(response);

    /// <inheritdoc />
    public void Dispose() => Ambient.Value = _outer;
}
