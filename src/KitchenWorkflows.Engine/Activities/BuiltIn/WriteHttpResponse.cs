using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Answers the HTTP request that started or resumed this run (<see cref="HttpExchange"/>), as Elsa's HTTP response
/// activity does: a string is sent as it is (<c>text/plain</c> unless a content type is given), anything else as JSON.
/// With no request waiting (the run was started by the API or resumed by a timer or an event) it faults, as
/// Elsa's does when the HTTP context is gone: nobody would read the answer.
/// </summary>
[Activity("Elsa.WriteHttpResponse", Category = "HTTP", Description = "Write the response to the HTTP request that started or resumed the workflow.")]
public sealed class WriteHttpResponse : Activity
{
    // Russian text goes out as UTF-8 characters, not \u escapes, as everywhere else the server writes JSON.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The status code.</summary>
    [Input(Description = "The status code to return (a name such as OK or NotFound, or a number).", DefaultValue = "OK")]
    public Input<HttpStatusCode> StatusCode { get; set; } = new();

    /// <summary>The content.</summary>
    [Input(Description = "The content: a string is sent as it is, anything else as JSON.", UIHint = InputUIHints.MultiLine)]
    public Input<object> Content { get; set; } = new();

    /// <summary>The content type.</summary>
    [Input(Description = "The content type; text/plain for a string and application/json otherwise when empty.")]
    public Input<string> ContentType { get; set; } = new();

    /// <summary>Further headers.</summary>
    [Input(Description = "Headers to send with the response, as a JSON object of names and a value or a list of values.", UIHint = InputUIHints.Json)]
    public Input<Dictionary<string, object?>> ResponseHeaders { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (HttpExchange.For(context.Workflow.State.Id) is not { } exchange)
        {
            return ValueTask.FromResult(ActivityResult.Fault(
                "No HTTP request is waiting for this response: the run was not started or resumed by an HTTP endpoint.",
                retryable: false));
        }

        var content = context.Get(Content);
        var text = content switch
        {
            null => null,
            string s => s,
            _ => PlainValues.ToJson(content)!.ToJsonString(Json),
        };
        var contentType = context.Get(ContentType) is { Length: > 0 } given ? given : content is string ? "text/plain" : "application/json";
        var headers = (context.Get(ResponseHeaders) ?? []).Where(h => h.Value is not null).ToDictionary(
            h => h.Key,
            h => (IReadOnlyList<string>)(h.Value is IList<object?> values ? [.. values.Select(v => ValueConverter.ConvertTo<string>(v) ?? "")] : [ValueConverter.ConvertTo<string>(h.Value)!]),
            StringComparer.OrdinalIgnoreCase);
        exchange.Answer(new HttpResponseData((int)context.Get(StatusCode), text is null ? null : contentType, text, headers));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
