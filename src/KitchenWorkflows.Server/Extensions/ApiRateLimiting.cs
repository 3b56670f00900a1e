using System.Globalization;
using System.Threading.RateLimiting;
using KitchenWorkflows.Server.HttpWorkflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Rate limiting of the API per caller (<see cref="RateLimitingOptions"/>), with ASP.NET Core's own limiter. Only
/// <c>/api</c> and the workflows' HTTP endpoints (<c>/workflows</c>, one budget with the API) count: health, metrics, the
/// OpenAPI document, the dashboard and the Studio's assets are never limited.
/// The limiter must run after authentication, so that <c>User.Identity.Name</c> is the caller's key or account.
/// </summary>
internal static class ApiRateLimiting
{
    public static void AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>, IOptions<HttpWorkflowsOptions>>((limiter, settings, httpWorkflows) =>
        {
            var limits = settings.Value;
            var workflowEndpoints = new PathString(httpWorkflows.Value.BasePath);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                limits.PermitLimit == 0 || !(http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/elsa/api") || http.Request.Path.StartsWithSegments(workflowEndpoints))
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(Caller(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = limits.Window,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = RejectAsync;
        });
    }

    // A signed-in caller is counted by name wherever it calls from; anyone else by address.
    private static string Caller(HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
        ? "user:" + name
        : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This caller may send {http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.PermitLimit} API requests per window (RateLimiting:PermitLimit, RateLimiting:Window); try again in {seconds} s.",
            },
        });
    }
}
