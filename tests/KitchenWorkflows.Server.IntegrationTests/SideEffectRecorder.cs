using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KitchenWorkflows.Server.IntegrationTests;

/// <summary>
/// One side effect as the stand-in received it: <paramref name="Sequence"/> is its arrival number (1, 2, …) and
/// <paramref name="Node"/> the node whose SMS gateway address it came in on (null on the plain side-effect route).
/// </summary>
internal sealed record Delivery(int Sequence, string? IdempotencyKey, string? InstanceId, string? QueryInstanceId, string? Node = null);

/// <summary>
/// The outside system of the crash and multi-node tests: a stand-in server that records every POST (its
/// Idempotency-Key and the instance id in its body) and answers 200 after a pause, so a kill of a workflow server
/// lands while requests are in flight. Besides <c>/side-effect</c> (for <c>Elsa.SendHttpRequest</c>) it is an SMS
/// gateway at <see cref="NodeUrl"/>: each node is configured with its own address, so the recorder knows which node
/// sent a message. It also notes every key that arrives while a request with the same key is still being answered:
/// two runs of one step at once.
/// </summary>
internal sealed class SideEffectRecorder : StandInServer
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly TimeSpan _responseDelay;

    private SideEffectRecorder(TimeSpan responseDelay) => _responseDelay = responseDelay;

    /// <summary>The plain side-effect route, for <c>Elsa.SendHttpRequest</c>.</summary>
    public string Url => BaseUrl + "side-effect";

    /// <summary>Every side effect in arrival order.</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public int Total => Requests.Count;

    /// <summary>Keys that arrived while another request with the same key was in flight.</summary>
    public ConcurrentQueue<string> Overlaps { get; } = new();

    /// <summary>The SMS gateway base address (<c>Sms__BaseUrl</c>) for one node; the client appends <c>messages</c>.</summary>
    public string NodeUrl(string node) => $"{BaseUrl}nodes/{node}/";

    public static async Task<SideEffectRecorder> StartAsync(TimeSpan responseDelay)
    {
        var recorder = new SideEffectRecorder(responseDelay);
        await recorder.StartAsync();
        return recorder;
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/side-effect", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            await RecordAsync(request, (string?)body?["instanceId"], request.Query["instance"].FirstOrDefault(), node: null);
            return Results.Ok(new { received = true });
        });
        // The SMS gateway's contract (SmsGatewayClient): {to, text} in, {id} out; the tests' text is the instance id.
        app.MapPost("/nodes/{node}/messages", async (HttpRequest request, string node) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var sequence = await RecordAsync(request, (string?)body?["text"], queryInstanceId: null, node);
            return Results.Ok(new { id = $"sms-{sequence}" });
        });
    }

    private async Task<int> RecordAsync(HttpRequest request, string? instanceId, string? queryInstanceId, string? node)
    {
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        var sequence = Recorded(request.HttpContext).Number;
        Deliveries.Enqueue(new Delivery(sequence, key, instanceId, queryInstanceId, node));
        if (key is not null && _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Overlaps.Enqueue(key);
        }

        try
        {
            await Task.Delay(_responseDelay);
        }
        finally
        {
            if (key is not null)
            {
                _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            }
        }

        return sequence;
    }
}
