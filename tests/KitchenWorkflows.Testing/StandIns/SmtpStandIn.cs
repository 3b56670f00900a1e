using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>A real SMTP server (SmtpServer) on 127.0.0.1 that keeps every message it is handed, parsed with MimeKit.</summary>
public sealed class SmtpStandIn : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public SmtpStandIn()
    {
        // SmtpServer does not report the port it bound, so it is given one that was free a moment ago.
        Port = LoopbackPort.Free();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Messages received and stored (answered 250).</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Messages received, whatever the answer, with the envelope recipients.</summary>
    public ConcurrentQueue<(MimeMessage Message, IReadOnlyList<string> Recipients)> Attempts { get; } = new();

    /// <summary>Reply codes to answer with, one per message, before accepting.</summary>
    public ConcurrentQueue<SmtpReplyCode> Refusals { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping through the token ends the server's task this way.
        }

        _stop.Dispose();
    }

    private sealed class Store(SmtpStandIn owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            owner.Attempts.Enqueue((message, [.. transaction.To.Select(m => $"{m.User}@{m.Host}")]));
            if (owner.Refusals.TryDequeue(out var code))
            {
                return Task.FromResult(new SmtpResponse(code, "refused on purpose"));
            }

            owner.Messages.Enqueue(message);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
