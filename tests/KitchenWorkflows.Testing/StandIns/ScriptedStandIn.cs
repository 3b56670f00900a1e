using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>
/// A stand-in with no documented API of its own: every request, whatever its method and path, gets what the
/// test's function returns for it, so an HTTP activity is tested through the real HttpClient stack (status codes,
/// redirects, connection resets and headers as sent).
/// </summary>
public sealed class ScriptedStandIn(Func<RecordedRequest, StandInResponse> respond) : StandInServer
{
    // Announced but never sent: the client sees the connection end inside a body it was promised.
    private const int DroppedBodyLength = 1024;

    protected override void Map(WebApplication app) =>
        app.Run(async context =>
        {
            var response = respond(Recorded(context));
            // A fresh connection per request keeps HttpClient from transparently re-sending on a reused one.
            context.Response.Headers.Connection = "close";
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = response.ContentType;
            if (response.Drop)
            {
                // A reset before any byte could pass for a refused connection; promising a body and cutting the
                // connection after a few bytes is a failure in the middle of the response the client cannot mistake.
                context.Response.ContentLength = DroppedBodyLength;
                await context.Response.Body.WriteAsync("{\"par"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return;
            }

            if (response.Location is not null)
            {
                context.Response.Headers[HeaderNames.Location] = response.Location;
            }

            await context.Response.WriteAsync(response.Body, Encoding.UTF8, context.RequestAborted);
        });
}
