using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using KitchenWorkflows.CSharp;
using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Validation;
using KitchenWorkflows.KitchenLab;
using KitchenWorkflows.KitchenLab.Dismantling;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Scheduling;
using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.HttpWorkflows;
using KitchenWorkflows.Server.Logging;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Everything the server registers, in one place.</summary>
internal static class ServerServiceCollectionExtensions
{
    public static void AddServerServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();

        services.AddKitchenWorkflowsEngine(activities => activities.AddKitchenLabActivities().AddCSharpActivities());
        services.AddKitchenWorkflowsCSharp();
        BindEngineOptions(services);
        services.AddKitchenLab();
        services.AddSingleton<IDismantlingInstances, DurableDismantlingInstances>();
        services.AddSingleton<DismantlingService>();
        services.AddKitchenWorkflowsPersistence(builder.Configuration);
        services.AddKitchenWorkflowsScheduling(_ => CreateHangfireStorage(storage, builder.Configuration));
        services.AddOptions<WorkflowsFolderOptions>().BindConfiguration(WorkflowsFolderOptions.SectionName);
        services.AddHttpWorkflows();

        builder.AddServerTelemetry();
        builder.AddServerDataProtection();
        builder.AddServerForwardedHeaders();
        builder.AddServerAuth();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.Remove("exception");
            // Kestrel refuses the body wherever it is read (an endpoint's binding or the exception handler's path): one answer for both.
            if (c.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                c.ProblemDetails.Title = "The request body is too large.";
                c.ProblemDetails.Detail = $"A request body may have at most {c.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes} bytes (Limits:MaxRequestBodyBytes).";
            }
        });
        services.AddSingleton<ElsaApi.ElsaInstanceActions>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JsonOptions>().Configure<IOptions<RequestLimitsOptions>>((o, limits) =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new Engine.Values.PlainValueJsonConverter());
            o.SerializerOptions.MaxDepth = limits.Value.MaxJsonDepth;
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((k, limits) => k.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        services.AddApiRateLimiting();
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = TimeSpan.FromSeconds(60) });
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentInfo>();
            o.AddDocumentTransformer<OpenApiSecurity>();
            o.AddOperationTransformer<OpenApiSecurity>();
        });
        services.AddHealthChecks()
            .AddDbContextCheck<WorkflowDbContext>("database", tags: ["ready"])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: ["ready"])
            .AddCheck<StorageWritesHealthCheck>("storage-writes", tags: ["ready"]);
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowDbContext>>().CreateDbContext());
        PersonalDataMaskingLoggerFactory.Register(services);
    }

    // The engine declares its options without configuration (it has no hosting dependency); the server binds them.
    private static void BindEngineOptions(IServiceCollection services)
    {
        services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.SectionName);
        services.AddOptions<CSharpScriptOptions>().BindConfiguration(CSharpScriptOptions.SectionName);
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.SectionName);
        services.AddOptions<DefinitionLimits>().BindConfiguration(DefinitionLimits.SectionName);
        services.AddOptions<OutboundHttpOptions>().BindConfiguration(OutboundHttpOptions.SectionName);
    }

    private static JobStorage CreateHangfireStorage(StorageOptions storage, IConfiguration configuration)
    {
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            var connectionString = storage.PostgreSqlConnectionString ?? configuration.GetConnectionString("PostgreSql");
            var options = new PostgreSqlStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
                PrepareSchemaIfNecessary = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }

        Directory.CreateDirectory(Path.GetFullPath(storage.DataDirectory));
        var path = Path.GetFullPath(Path.Combine(storage.DataDirectory, "hangfire.db"));
        return new SQLiteStorage(new SQLiteDbConnectionFactory(() => OpenHangfireConnection(path)), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(1),
        });
    }

    private static SQLite.SQLiteConnection OpenHangfireConnection(string path)
    {
        // The storage's own connections are NoMutex, yet a distributed lock's heartbeat timer uses the lock
        // owner's connection while the owner does (Hangfire.Storage.SQLite issue #79). Under load, when a
        // lock is held past a heartbeat, that race corrupts memory and then hangfire.db itself ("database
        // disk image is malformed" after a kill and restart). FullMutex makes SQLite serialize the calls.
        var connection = new SQLite.SQLiteConnection(path, SQLite.SQLiteOpenFlags.ReadWrite | SQLite.SQLiteOpenFlags.Create | SQLite.SQLiteOpenFlags.FullMutex, storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
        };

        // As in the workflow store (SqlitePragmas): in WAL mode a commit survives a process crash without a
        // disk flush per commit. With the default (FULL) every scheduled job cost several flushes, and a
        // burst of delays (300 dispatches, or the backlog after a restart) queued up behind the disk.
        connection.Execute("PRAGMA synchronous=NORMAL");
        return connection;
    }
}
