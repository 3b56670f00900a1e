using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>
/// A real HTTP server (Kestrel, in process) on 127.0.0.1 and a port the OS picks, standing in for an outside
/// system: a subclass maps the endpoints that system documents, and every request is recorded as it arrived.
/// </summary>
public abstract class StandInServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _count;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            var recorded = new RecordedRequest(
                Interlocked.Increment(ref _count),
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body);
            Requests.Enqueue(recorded);
            context.Items[typeof(RecordedRequest)] = recorded;
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    protected abstract void Map(WebApplication app);

    /// <summary>The request as this server recorded it, for a handler whose answer depends on it.</summary>
    protected static RecordedRequest Recorded(HttpContext context) => (RecordedRequest)context.Items[typeof(RecordedRequest)]!;

    protected static bool HasBearer(HttpContext context, string token) =>
        context.Request.Headers.Authorization.ToString() == "Bearer " + token;
}
