using Hangfire;
using Hangfire.Dashboard;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Scheduling;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Start-up and the request pipeline.</summary>
internal static partial class ServerPipelineExtensions
{
    /// <summary>Migrates the store, imports the shipped workflows and registers the recovery sweep.</summary>
    public static async Task InitializeStoreAsync(this WebApplication app)
    {
        var folder = app.Services.GetRequiredService<IOptions<WorkflowsFolderOptions>>().Value.Folder;
        IReadOnlyList<string> imported = [];
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(async cancellationToken =>
            imported = await app.Services.GetRequiredService<WorkflowDefinitionStore>().ImportFolderAsync(folder, cancellationToken));
        LogImported(app.Logger, imported.Count, folder);
        app.Services.ScheduleSweep();
    }

    public static void UseServerPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        // After authentication (when the identity work adds it), so that callers are counted by key or account.
        app.UseRateLimiter();
    }

    public static void MapOperationsEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapTelemetryEndpoints();
        app.MapScalarApiReference(o => o.WithTitle("KitchenWorkflows API").DisableDefaultFonts().DisableTelemetry().HideDeveloperTools().DisableAgent());
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "KitchenWorkflows jobs",
            Authorization = [new DashboardAccess(app.Environment)],
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} shipped workflow(s) from {Folder}")]
    private static partial void LogImported(ILogger logger, int count, string folder);

    // Until sign-in exists (the auth issue), the dashboard is open in Development and to local requests elsewhere.
    private sealed class DashboardAccess(IWebHostEnvironment environment) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var remote = http.Connection.RemoteIpAddress;
            return environment.IsDevelopment() || remote is null || System.Net.IPAddress.IsLoopback(remote);
        }
    }
}
