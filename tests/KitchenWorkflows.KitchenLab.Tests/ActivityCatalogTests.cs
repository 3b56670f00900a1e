using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.KitchenLab.Tests;

/// <summary>What the Studio's palette shows of the Kitchen Lab activities.</summary>
public sealed class ActivityCatalogTests
{
    private static ActivityRegistry Registry()
    {
        var services = new ServiceCollection();
        services.AddKitchenWorkflowsEngine(activities => activities.AddKitchenLabActivities());
        return services.BuildServiceProvider().GetRequiredService<ActivityRegistry>();
    }

    [Fact]
    public void AddKitchenLabActivities_Registry_ListsEveryIntegrationActivityInTheKitchenLabCategory()
    {
        var kitchenLab = Registry().Descriptors.Where(d => d.TypeName.StartsWith("KitchenLab.", StringComparison.Ordinal)).ToList();

        Assert.Superset(
            new HashSet<string>
            {
                "KitchenLab.SendSms", "KitchenLab.MoveTicketToChannel", "KitchenLab.ReplyToTicket", "KitchenLab.CreateOutgoingRequest",
                "KitchenLab.SetTicketStatus", "KitchenLab.MarkAsClaim", "KitchenLab.AwaitManagerAnswer", "KitchenLab.SendEmail", "KitchenLab.RegisterInNaumen",
            },
            kitchenLab.Select(d => d.TypeName).ToHashSet());
        Assert.All(kitchenLab, d =>
        {
            Assert.Equal("Kitchen Lab", d.Category);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
            Assert.All(d.Inputs, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
        });
    }

    [Theory]
    [InlineData("KitchenLab.SendSms", "Text")]
    [InlineData("KitchenLab.ReplyToTicket", "Text")]
    [InlineData("KitchenLab.CreateOutgoingRequest", "Body")]
    [InlineData("KitchenLab.AwaitManagerAnswer", "ReminderText")]
    [InlineData("KitchenLab.SendEmail", "Body")]
    [InlineData("KitchenLab.RegisterInNaumen", "Summary")]
    public void Descriptor_TextInput_IsMultiLine(string typeName, string input)
    {
        Assert.True(Registry().TryGetDescriptor(typeName, out var descriptor));

        Assert.Equal(InputUIHints.MultiLine, descriptor.Inputs.Single(i => string.Equals(i.Name, input, StringComparison.OrdinalIgnoreCase)).UIHint);
    }

    [Fact]
    public void Descriptor_AwaitManagerAnswer_HasAcceptedAndRejectedOutcomesAndA24HourDefault()
    {
        Assert.True(Registry().TryGetDescriptor("KitchenLab.AwaitManagerAnswer", out var descriptor));

        Assert.Equal(["Accepted", "Rejected"], descriptor.Outcomes);
        Assert.Equal("1.00:00:00", descriptor.Inputs.Single(i => string.Equals(i.Name, "reminderInterval", StringComparison.OrdinalIgnoreCase)).DefaultValue);
    }
}
