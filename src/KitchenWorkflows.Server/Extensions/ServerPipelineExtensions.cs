using Hangfire;
using Hangfire.Dashboard;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Store;
using KitchenWorkflows.Scheduling;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.Bulk;
using KitchenWorkflows.Server.Retention;
using KitchenWorkflows.Server.Startup;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Start-up and the request pipeline.</summary>
internal static partial class ServerPipelineExtensions
{
    /// <summary>
    /// Migrates the store, creates the configured bootstrap admin key and first admin account, imports the shipped
    /// workflows and registers the recovery sweep.
    /// </summary>
    public static async Task InitializeStoreAsync(this WebApplication app)
    {
        // Before anything is written: a second server on the same SQLite data directory stops here, with the reason.
        try
        {
            app.Services.GetRequiredService<RuntimeStore>().TakeOwnership();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is IOException io && StorageFault.Describe(io) is not null)
        {
            throw new StartupFailure(ex.Message + " Make room on the disk (or make it writable), or give this server another Storage__DataDirectory.", ex);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is IOException)
        {
            throw new StartupFailure(ex.Message + " Stop the other process, or give this one another Storage__DataDirectory.", ex);
        }

        var folder = app.Services.GetRequiredService<IOptions<WorkflowsFolderOptions>>().Value.Folder;
        IReadOnlyList<string> imported = [];
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(async cancellationToken =>
        {
            await app.Services.EnsureConfiguredAdminsAsync(cancellationToken);
            imported = await app.Services.GetRequiredService<WorkflowDefinitionStore>().ImportFolderAsync(folder, cancellationToken);
        });
        LogImported(app.Logger, imported.Count, folder);
        app.Services.ScheduleSweep();
        RetentionJob.Schedule(app.Services);
        await BulkPlanJob.ResumeUnfinishedAsync(app.Services, CancellationToken.None);
    }

    public static void UseServerPipeline(this WebApplication app)
    {
        // First: everything after it (the rate limiter's address, the cookie's scheme) sees the client, not the proxy.
        app.UseServerForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        // After authentication, so that callers are counted by key or account rather than by address.
        app.UseRateLimiter();
        app.UseAuthorization();
        // After authorization, so that only a caller who may call the endpoint makes the server read a body.
        app.UseMiddleware<Utf8JsonBodyValidation>();
    }

    public static void MapOperationsEndpoints(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization(Policies.ApiDescription);
        app.MapTelemetryEndpoints();
        app.MapScalarApiReference(o => o.WithTitle("KitchenWorkflows API").DisableDefaultFonts().DisableTelemetry().HideDeveloperTools().DisableAgent())
            .RequireAuthorization(Policies.ApiDescription);
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "KitchenWorkflows jobs",
            Authorization = [new EndpointPolicyDecides()],
        }).RequireAuthorization(Policies.Operations);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} shipped workflow(s) from {Folder}")]
    private static partial void LogImported(ILogger logger, int count, string folder);

    // The dashboard's endpoint policy (Policies.Operations: signed in as an operator or admin, open in Development) has
    // already decided by the time Hangfire asks; its default filter (local requests only) would second-guess it.
    private sealed class EndpointPolicyDecides : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
