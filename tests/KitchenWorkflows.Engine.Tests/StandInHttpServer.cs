using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KitchenWorkflows.Engine.Tests;

/// <summary>A request the stand-in server received.</summary>
internal sealed record ReceivedRequest(int Number, string Method, string Path, string? IdempotencyKey, string Body);

/// <summary>What the stand-in answers; <see cref="Drop"/> breaks the connection in the middle of the response.</summary>
internal sealed record StandInResponse(int StatusCode = 200, string Body = "", string ContentType = "text/plain", bool Drop = false, string? Location = null)
{
    public static StandInResponse Redirect(string location, int statusCode = 302) => new(statusCode, Location: location);

    public static StandInResponse Json(string body, int statusCode = 200) => new(statusCode, body, "application/json");

    public static StandInResponse Dropped { get; } = new(Drop: true);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port (System.Net.HttpListener), so SendHttpRequest is
/// tested through the real HttpClient stack: status codes, connection resets and headers as sent.
/// </summary>
internal sealed class StandInHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ReceivedRequest, StandInResponse> _respond;
    private readonly Task _loop;
    private int _count;

    public StandInHttpServer(Func<ReceivedRequest, StandInResponse> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>A port nothing listens on (bound once by the OS, then released).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // The listener was closed under a pending GetContextAsync; that is how the loop ends.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new ReceivedRequest(
                Interlocked.Increment(ref _count),
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers["Idempotency-Key"],
                await reader.ReadToEndAsync());
            Requests.Enqueue(request);
            var response = _respond(request);
            // A fresh connection per request keeps HttpClient from transparently re-sending on a reused one.
            context.Response.KeepAlive = false;
            if (response.Drop)
            {
                // HttpListener's Abort alone still answers 200 with no body on Linux; promising a body and
                // cutting the connection after a few bytes is a failure the client cannot mistake.
                context.Response.ContentLength64 = 1024;
                await context.Response.OutputStream.WriteAsync("{\"par"u8.ToArray());
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                continue;
            }

            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = response.ContentType;
            if (response.Location is not null)
            {
                context.Response.RedirectLocation = response.Location;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
