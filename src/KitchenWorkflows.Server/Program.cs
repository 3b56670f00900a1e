using System.Reflection;
using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.ElsaApi;
using KitchenWorkflows.Server.ElsaStudio;
using KitchenWorkflows.Server.Extensions;
using KitchenWorkflows.Server.HttpWorkflows;
using KitchenWorkflows.Server.Startup;

WebApplication app;
try
{
    // `keys create|list|revoke …` manages API keys in the configured store and exits without starting the server.
    if (ApiKeysCommand.Matches(args))
    {
        return await ApiKeysCommand.RunAsync(args);
    }

    app = await StartAsync(args);
}
// A start (or the keys command) that fails for a reason the operator can fix ends with one line and an exit code, not a
// stack trace. In an in-process host (the integration tests' WebApplicationFactory) the exception goes to the host.
catch (Exception ex) when (Assembly.GetEntryAssembly() == typeof(Program).Assembly && StartupFailures.Explain(ex) is { } failure)
{
    await Console.Error.WriteLineAsync(failure.Message);
    return StartupFailure.ExitCode;
}

await using (app)
{
    await app.WaitForShutdownAsync();
}

return 0;

static async Task<WebApplication> StartAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Of(args) });
    StorageStartupChecks.Verify(builder.Configuration);
    builder.AddServerServices();
    builder.AddStudio();

    var app = builder.Build();
    // Every ValidateOnStart option now, before the store is migrated or written, rather than when the host starts.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    await app.InitializeStoreAsync();

    app.UseServerPipeline();
    app.MapWorkflowDefinitionsApi();
    app.MapWorkflowTestCasesApi();
    app.MapWorkflowInstancesApi();
    app.MapWorkflowInstanceDeletionApi();
    app.MapBulkOperationsApi();
    app.MapAlterationsApi();
    app.MapEventsApi();
    app.MapHttpWorkflows();
    app.MapExpressionsApi();
    app.MapActivityDescriptorsApi();
    app.MapWarrantyCheckApi();
    app.MapDismantlingApi();
    app.MapApiKeysApi();
    app.MapAccountsApi();
    app.MapAuditApi();
    app.MapElsaApi();
    app.MapSignInEndpoints();
    app.MapOperationsEndpoints();
    app.MapStudio();
    app.MapElsaStudio();

    await app.StartAsync();
    return app;
}
