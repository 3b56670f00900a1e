using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KitchenWorkflows.Studio.Tests;

/// <summary>A bUnit context with MudBlazor's services; script calls (MudBlazor's, the diagram's) are answered loosely.</summary>
public abstract class StudioTestContext : BunitContext, IAsyncLifetime
{
    protected StudioTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 would otherwise call the synchronous Dispose first.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
