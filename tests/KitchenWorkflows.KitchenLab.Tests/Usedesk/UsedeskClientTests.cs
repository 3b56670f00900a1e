using KitchenWorkflows.KitchenLab.Usedesk;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.KitchenLab.Tests.Usedesk;

/// <summary>The Usedesk client's calls that no activity makes on its own.</summary>
public sealed class UsedeskClientTests : IAsyncLifetime
{
    private readonly UsedeskStandIn _usedesk = new();

    public Task InitializeAsync() => _usedesk.StartAsync();

    public async Task DisposeAsync() => await _usedesk.DisposeAsync();

    [Fact]
    public async Task ListTicketsAsync_ChannelAndStatusFilter_PostsTheFiltersAndReadsStringIds()
    {
        _usedesk.Seed(10, statusId: 5, channelId: 77);
        _usedesk.Seed(11, statusId: 1, channelId: 77);
        _usedesk.Seed(12, statusId: 5, channelId: 3);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));
        var client = harness.Services.GetRequiredService<UsedeskClient>();

        var tickets = await client.ListTicketsAsync(new UsedeskTicketFilter(ChannelId: 77, StatusId: 5));

        var ticket = Assert.Single(tickets);
        Assert.Equal(new UsedeskTicket(10, "Вопрос по заказу", 5, 77, null), ticket);
        var request = Assert.Single(_usedesk.Requests);
        Assert.Equal("/tickets", request.Path);
        Assert.Equal(["api_token", "fchannel", "fstatus", "offset"], request.JsonProperties().Keys);
    }
}
