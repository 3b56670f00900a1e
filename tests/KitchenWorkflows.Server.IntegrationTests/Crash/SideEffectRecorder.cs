using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Server.IntegrationTests.Crash;

/// <summary>One side effect as the stand-in received it.</summary>
internal sealed record Delivery(string? IdempotencyKey, string? InstanceId, string? QueryInstanceId);

/// <summary>
/// The outside system of the crash test: a Kestrel server on 127.0.0.1 in the test process that records
/// every POST (its Idempotency-Key and the instance id in its body) and answers 200 after a pause, so a
/// kill of the workflow server lands while requests are in flight.
/// </summary>
internal sealed class SideEffectRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _total;

    private SideEffectRecorder(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>Every request in arrival order.</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public int Total => Volatile.Read(ref _total);

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
            recorder.Deliveries.Enqueue(new Delivery(
                request.Headers["Idempotency-Key"].FirstOrDefault(),
                (string?)body?["instanceId"],
                request.Query["instance"].FirstOrDefault()));
            Interlocked.Increment(ref recorder._total);
            await Task.Delay(responseDelay);
            return Results.Ok(new { received = true });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        recorder.Url = address.TrimEnd('/') + "/side-effect";
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
