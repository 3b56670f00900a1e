using KitchenWorkflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.KitchenLab.Tests;

public sealed class ProjectSetupTests
{
    [Fact]
    public void AddKitchenLab_WithTheEngine_BuildsAServiceProvider()
    {
        var services = new ServiceCollection();
        services.AddKitchenWorkflowsEngine(activities => activities.AddKitchenLabActivities());
        services.AddKitchenLab();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<Engine.Activities.ActivityRegistry>());
    }
}
