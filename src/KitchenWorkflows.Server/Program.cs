using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.Extensions;

// `keys create|list|revoke …` manages API keys in the configured store and exits without starting the server.
if (ApiKeysCommand.Matches(args))
{
    return await ApiKeysCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServerServices();
builder.AddStudio();

var app = builder.Build();
await app.InitializeStoreAsync();

app.UseServerPipeline();
app.MapWorkflowDefinitionsApi();
app.MapWorkflowInstancesApi();
app.MapEventsApi();
app.MapActivityDescriptorsApi();
app.MapWarrantyCheckApi();
app.MapDismantlingApi();
app.MapApiKeysApi();
app.MapAccountsApi();
app.MapAuditApi();
app.MapSignInEndpoints();
app.MapOperationsEndpoints();
app.MapStudio();

await app.RunAsync();
return 0;
