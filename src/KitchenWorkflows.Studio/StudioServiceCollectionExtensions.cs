using KitchenWorkflows.Studio.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace KitchenWorkflows.Studio;

/// <summary>Registers the Studio's services: MudBlazor and the API client. The host registers <see cref="IStudioUserCredentials"/>.</summary>
public static class StudioServiceCollectionExtensions
{
    public const string HttpClientName = "KitchenWorkflows.Studio";

    public static IServiceCollection AddKitchenWorkflowsStudio(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Messages appear bottom-left, clear of the designer's toolbar and property panel.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.SectionName);
        services.AddHttpClient(HttpClientName);
        services.AddScoped<Editing.ActivityClipboard>();
        // Scoped to the circuit: the base address comes from the address this user opened the Studio at, and every
        // call carries this circuit's user (the host's IStudioUserCredentials says how).
        services.AddScoped(sp =>
        {
            var handler = new StudioUserHandler(sp.GetRequiredService<AuthenticationStateProvider>(), sp.GetRequiredService<IStudioUserCredentials>())
            {
                InnerHandler = sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName),
            };
            var http = new HttpClient(handler, disposeHandler: false)
            {
                BaseAddress = sp.GetRequiredService<IOptions<StudioOptions>>().Value.ApiBaseUrl
                    ?? new Uri(sp.GetRequiredService<NavigationManager>().BaseUri),
            };
            return new StudioApiClient(http);
        });
        services.AddScoped<Editing.PendingImports>();
        return services;
    }
}
