using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Extensions;

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
app.MapOperationsEndpoints();
app.MapStudio();

await app.RunAsync();
