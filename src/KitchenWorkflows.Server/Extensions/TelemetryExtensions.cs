using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Retention;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// OpenTelemetry: traces (HTTP in and out, a span per activity execution) and metrics (instances, activity
/// durations, backlogs, Hangfire queues, runtime). Metrics are scraped at <c>/metrics</c> (Prometheus);
/// both go out by OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetryExtensions
{
    public static void AddServerTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kitchenworkflows", serviceInstanceId: builder.Configuration["Runtime:NodeId"] ?? Environment.MachineName))
            .WithTracing(t => t
                .AddSource(EngineTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(EngineTelemetry.SourceName, ServerMetrics.MeterName, DeletionTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    public static void MapTelemetryEndpoints(this WebApplication app)
    {
        // The observable gauges read their sources when scraped; resolving the singleton registers them.
        app.Services.GetRequiredService<ServerMetrics>();
        // Metrics name definitions and show load: operators' and admins' (a scraper sends an operator key as X-Api-Key),
        // in Development too, where the dashboard opens without sign-in: anonymous callers reach only /health/*.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Auth.Policies.Metrics);
    }
}
