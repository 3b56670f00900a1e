using System.Text;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace KitchenWorkflows.Server.HttpWorkflows;

/// <summary>
/// Runs what a request reached (starts the trigger's workflow, or resumes the waiting instance) on this node, inside an
/// <see cref="HttpExchange"/>, and answers once the run has ended or suspended, and so is committed (as Elsa answers at
/// the end of its run, and as the API acknowledges nothing before it is committed), with what
/// <c>Elsa.WriteHttpResponse</c> wrote. A run that wrote nothing is answered as Elsa answers it: 200 with no body, or 500
/// when it faulted. At the limit the caller gets what was written so far, or 504; the run goes on either way, committed
/// step by step as any run.
/// </summary>
internal sealed partial class HttpWorkflowRunner(
    DurableWorkflowRuntime runtime,
    InstanceQueries instances,
    IOptions<HttpWorkflowsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<HttpWorkflowRunner> logger)
{
    /// <summary>The header that names the instance a response comes from, for a caller to follow it through the API.</summary>
    public const string InstanceHeader = "X-Workflow-Instance-Id";

    public async Task<IResult> RunAsync(HttpContext http, HttpTarget target, HttpRequestData request, string? correlationId)
    {
        var instanceId = target.InstanceId ?? Guid.CreateVersion7().ToString("N");
        var limit = target.Route.RequestTimeout is { } shorter && shorter < options.Value.ResponseTimeout ? shorter : options.Value.ResponseTimeout;
        Task<WorkflowInstanceState?> run;
        Task<HttpResponseData> answered;
        using (var exchange = HttpExchange.Open(instanceId))
        {
            // The run carries the exchange in its async context; it belongs to the server, not to this request, so the
            // caller leaving (or the limit passing) does not stop it half-way. Started on the pool: a run that computes
            // without awaiting (a busy script) would otherwise hold this request past its limit.
            run = Task.Run(() => StartOrResumeAsync(target, instanceId, request, correlationId));
            answered = exchange.Answered;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        await Task.WhenAny(run, Task.Delay(limit, waiting.Token));
        await waiting.CancelAsync();
        http.Response.Headers[InstanceHeader] = instanceId;
        if (!run.IsCompleted)
        {
            ObserveInBackground(run, instanceId);
            return answered.IsCompleted
                ? Write(http, answered.Result)
                : TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "The workflow did not answer in time.",
                    detail: $"Instance {instanceId} did not answer within {limit} (HttpEndpoints:ResponseTimeout, or the endpoint's requestTimeout); it goes on.");
        }

        var state = await run;
        if (answered.IsCompleted)
        {
            return Write(http, answered.Result);
        }

        return state switch
        {
            null => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"Instance {instanceId} no longer waits for this request."),
            { SubStatus: WorkflowSubStatus.Faulted } => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The workflow faulted.",
                detail: $"Instance {instanceId} faulted before it answered; its incidents say why."),
            _ => Results.Ok(),
        };
    }

    private async Task<WorkflowInstanceState?> StartOrResumeAsync(HttpTarget target, string instanceId, HttpRequestData request, string? correlationId)
    {
        var stopping = lifetime.ApplicationStopping;
        if (target.TriggerActivityId is { } trigger)
        {
            var started = await runtime.StartAsync(target.DefinitionId, new StartRequest
            {
                InstanceId = instanceId,
                CorrelationId = correlationId,
                TriggerActivityId = trigger,
                TriggerPayload = request.ToPayload(),
            }, idempotencyKey: null, dispatch: false, stopping);
            return started.State;
        }

        return await runtime.ResumeAsync(instanceId, target.BookmarkId!, request.ToPayload(), stopping)
            ? await instances.GetAsync(instanceId, stopping)
            : null;
    }

    private static IResult Write(HttpContext http, HttpResponseData response)
    {
        foreach (var (name, values) in response.Headers)
        {
            http.Response.Headers[name] = new StringValues([.. values]);
        }

        return response.Content is null
            ? Results.StatusCode(response.StatusCode)
            : Results.Text(response.Content, response.ContentType, Encoding.UTF8, response.StatusCode);
    }

    // The caller has its answer; a run that still goes on (and may fail later) is the server's to log.
    private void ObserveInBackground(Task run, string instanceId) =>
        _ = run.ContinueWith(t => LogRunFailed(logger, t.Exception!, instanceId), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run of instance {InstanceId}, started or resumed by an HTTP request, failed after the request was answered")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string instanceId);
}
