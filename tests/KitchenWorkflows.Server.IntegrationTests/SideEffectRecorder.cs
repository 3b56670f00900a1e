using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Server.IntegrationTests;

/// <summary>
/// One side effect as the stand-in received it: <paramref name="Sequence"/> is its arrival number (1, 2, …) and
/// <paramref name="Node"/> the node whose SMS gateway address it came in on (null on the plain side-effect route).
/// </summary>
internal sealed record Delivery(int Sequence, string? IdempotencyKey, string? InstanceId, string? QueryInstanceId, string? Node = null);

/// <summary>
/// The outside system of the crash and multi-node tests: a Kestrel server on 127.0.0.1 in the test process
/// that records every POST (its Idempotency-Key and the instance id in its body) and answers 200 after a
/// pause, so a kill of a workflow server lands while requests are in flight. Besides <c>/side-effect</c>
/// (for <c>Elsa.SendHttpRequest</c>) it is an SMS gateway at <see cref="NodeUrl"/>: each node is configured
/// with its own address, so the recorder knows which node sent a message. It also notes every key that
/// arrives while a request with the same key is still being answered: two runs of one step at once.
/// </summary>
internal sealed class SideEffectRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private int _total;

    private string _baseUrl = "";

    private SideEffectRecorder(WebApplication app) => _app = app;

    /// <summary>The plain side-effect route, for <c>Elsa.SendHttpRequest</c>.</summary>
    public string Url => _baseUrl + "/side-effect";

    /// <summary>Every request in arrival order.</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public int Total => Volatile.Read(ref _total);

    /// <summary>Keys that arrived while another request with the same key was in flight.</summary>
    public ConcurrentQueue<string> Overlaps { get; } = new();

    /// <summary>The SMS gateway base address (<c>Sms__BaseUrl</c>) for one node; the client appends <c>messages</c>.</summary>
    public string NodeUrl(string node) => $"{_baseUrl}/nodes/{node}/";

    public static async Task<SideEffectRecorder> StartAsync(TimeSpan responseDelay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new SideEffectRecorder(app);
        app.MapPost("/side-effect", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            await recorder.RecordAsync(request, (string?)body?["instanceId"], request.Query["instance"].FirstOrDefault(), node: null, responseDelay);
            return Results.Ok(new { received = true });
        });
        // The SMS gateway's contract (SmsGatewayClient): {to, text} in, {id} out; the tests' text is the instance id.
        app.MapPost("/nodes/{node}/messages", async (HttpRequest request, string node) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var sequence = await recorder.RecordAsync(request, (string?)body?["text"], queryInstanceId: null, node, responseDelay);
            return Results.Ok(new { id = $"sms-{sequence}" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        recorder._baseUrl = address.TrimEnd('/');
        return recorder;
    }

    private async Task<int> RecordAsync(HttpRequest request, string? instanceId, string? queryInstanceId, string? node, TimeSpan responseDelay)
    {
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        var sequence = Interlocked.Increment(ref _total);
        Deliveries.Enqueue(new Delivery(sequence, key, instanceId, queryInstanceId, node));
        if (key is not null && _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Overlaps.Enqueue(key);
        }

        try
        {
            await Task.Delay(responseDelay);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
