using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Waits for an inbound HTTP request on a path and methods, as Elsa's HTTP endpoint does; as a trigger
/// (<c>canStartWorkflow</c>) each such request starts an instance. The host serves the paths below its prefix
/// (<c>/workflows</c>), checks who calls, and hands the request over; the activity's result is the request
/// (<see cref="HttpRequestData"/>), and Elsa's outputs (<c>parsedContent</c>, <c>routeData</c>, <c>queryStringData</c>,
/// <c>headers</c>, <c>result</c>) go to the variables their <c>memoryReference</c> names.
/// </summary>
[Activity("Elsa.HttpEndpoint", Category = "HTTP", Description = "Wait for an inbound HTTP request on a path and methods; as a trigger, start an instance on each.")]
public sealed class HttpEndpoint : Activity, ITrigger
{
    private static readonly string[] KnownMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>The path, below the host's prefix; route parameters in braces.</summary>
    [Input(Description = "The path to listen on, such as orders/{id}.", Required = true)]
    public Input<string> Path { get; set; } = new();

    /// <summary>The methods to accept; Elsa writes them as an <c>Object</c> expression holding a JSON array.</summary>
    [Input(Description = "The HTTP methods to accept.", Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], DefaultValue = "[\"GET\"]")]
    public Input<List<string>> SupportedMethods { get; set; } = new();

    /// <summary>Whether only authenticated callers may call.</summary>
    [Input(Description = "Allow authenticated requests only.")]
    public Input<bool> Authorize { get; set; } = new();

    /// <summary>The role (or server policy) a caller needs.</summary>
    [Input(Description = "The role a caller needs; empty for any authenticated caller.")]
    public Input<string> Policy { get; set; } = new();

    /// <summary>How long the caller waits for the answer at most.</summary>
    [Input(Description = "The maximum time the caller waits for the response (hh:mm:ss); the server's limit when empty or longer.")]
    public Input<TimeSpan?> RequestTimeout { get; set; } = new();

    /// <inheritdoc />
    public TriggerDescription Describe()
    {
        if (!IsConstant(Path.Expression) || !IsConstant(SupportedMethods.Expression) || !IsConstant(Authorize.Expression)
            || !IsConstant(Policy.Expression) || !IsConstant(RequestTimeout.Expression))
        {
            return TriggerDescription.Nothing;
        }

        var path = Constant(Path);
        return string.IsNullOrWhiteSpace(path) || RouteTemplate.Problem(path) is not null
            ? TriggerDescription.Nothing
            : new TriggerDescription { Http = Route(path, Constant(SupportedMethods), Constant(Authorize), Constant(Policy), Constant(RequestTimeout)) };
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.TryTakeTriggerPayload(out var payload))
        {
            return ValueTask.FromResult(Received(context, payload));
        }

        var path = context.Get(Path) ?? "";
        if ((path.Trim().Length == 0 ? "It is empty." : RouteTemplate.Problem(path)) is { } problem)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"The path '{path}' is no route: {problem}", retryable: false));
        }

        var route = Route(path, context.Get(SupportedMethods), context.Get(Authorize), context.Get(Policy), context.Get(RequestTimeout));
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(route.BookmarkName, Payload: route.ToPayload())));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        // Only the host's HTTP delivery may resume it: an event sent by the bookmark's name is no request, and waiting
        // on goes on (Elsa's bookmarks cannot be reached by events at all).
        return ValueTask.FromResult(HttpRequestData.IsRequest(payload)
            ? Received(context, payload)
            : ActivityResult.Suspend(new BookmarkRequest(bookmark.Name, Payload: bookmark.Payload)));
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (IsConstant(Path.Expression) && Constant(Path) is { Length: > 0 } path && RouteTemplate.Problem(path) is { } problem)
        {
            yield return ("path.expression.value", problem);
        }

        if (IsConstant(SupportedMethods.Expression))
        {
            List<string>? methods = null;
            string? unreadable = null;
            try
            {
                methods = Constant(SupportedMethods);
            }
            catch (FormatException ex)
            {
                unreadable = ex.Message;
            }

            if (unreadable is not null)
            {
                yield return ("supportedMethods.expression.value", "The methods are not a list of names: " + unreadable);
            }
            else if (methods?.FirstOrDefault(m => !KnownMethods.Contains(m, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                yield return ("supportedMethods.expression.value", $"Unknown HTTP method '{unknown}'. Known methods: {string.Join(", ", KnownMethods)}.");
            }
        }
    }

    private static HttpEndpointRoute Route(string path, List<string>? methods, bool authorize, string? policy, TimeSpan? timeout) => new(
        RouteTemplate.Normalize(path),
        methods is { Count: > 0 } ? [.. methods.Select(m => m.Trim().ToUpperInvariant()).Distinct()] : ["GET"],
        authorize,
        string.IsNullOrWhiteSpace(policy) ? null : policy.Trim(),
        timeout is { } t && t > TimeSpan.Zero ? t : null);

    // The request is the result; its fields are the named outputs that OutputBindings writes to bound variables.
    private static ActivityResult Received(ActivityExecutionContext context, object? request)
    {
        context.SetResult(request);
        return ActivityResult.Done;
    }

    // A literal, or Elsa's Object expression (a JSON literal): values known before any instance exists.
    private static bool IsConstant(WorkflowExpression? expression) =>
        expression is null || ExpressionTypes.IsLiteral(expression) || string.Equals(expression.Type, ExpressionTypes.Object, StringComparison.OrdinalIgnoreCase);

    private static T? Constant<T>(Input<T> input) =>
        input.IsLiteral ? input.Literal : input.Expression is { } expression ? ValueConverter.ConvertTo<T>(PlainValues.FromJson(expression.Value)) : default;
}
