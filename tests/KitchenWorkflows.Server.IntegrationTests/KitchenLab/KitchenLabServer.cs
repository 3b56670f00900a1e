using System.Globalization;
using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>
/// The real server on SQLite, configured as production would be but pointed at in-process stand-ins of Usedesk,
/// the SMS gateway and Naumen on 127.0.0.1, which record every request as it arrived. The stand-ins start
/// before the server does, so the server's settings carry their real addresses.
/// </summary>
public sealed class KitchenLabServer() : ServerFixture(StorageProvider.Sqlite), IAsyncLifetime
{
    public const long KitchenLabChannelId = 77;
    public const long CategoryFieldId = 501;
    public const long ReclamationsGroupId = 12;
    public const long AgentUserId = 545;

    private long _lastTicketId = 6000;

    internal UsedeskStandIn Usedesk { get; } = new();

    internal SmsGatewayStandIn Sms { get; } = new();

    internal NaumenStandIn Naumen { get; } = new();

    /// <summary>A client ticket that exists in the Usedesk stand-in (open, in channel 1), with an id no other test uses.</summary>
    internal long SeedClientTicket() => Usedesk.Seed(Interlocked.Increment(ref _lastTicketId), statusId: 1, channelId: 1).Id;

    public async Task InitializeAsync()
    {
        await Usedesk.StartAsync();
        await Sms.StartAsync();
        await Naumen.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Usedesk.DisposeAsync();
        await Sms.DisposeAsync();
        await Naumen.DisposeAsync();
    }

    protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
    {
        Settings = new Dictionary<string, string?>
        {
            ["Usedesk:BaseUrl"] = Usedesk.BaseUrl.ToString(),
            ["Usedesk:ApiToken"] = UsedeskStandIn.ApiToken,
            ["Usedesk:KitchenLabChannelId"] = Invariant(KitchenLabChannelId),
            ["Usedesk:CategoryFieldId"] = Invariant(CategoryFieldId),
            ["Usedesk:ReclamationsGroupId"] = Invariant(ReclamationsGroupId),
            ["Usedesk:UserId"] = Invariant(AgentUserId),
            ["Sms:BaseUrl"] = Sms.BaseUrl.ToString(),
            ["Sms:Token"] = SmsGatewayStandIn.Token,
            ["Naumen:BaseUrl"] = Naumen.BaseUrl.ToString(),
            ["Naumen:Token"] = NaumenStandIn.Token,
        },
    };

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The Kitchen Lab process tests share one server and one set of stand-ins, so they run one after another: a test
/// can then also assert what a system did NOT receive while it ran.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KitchenLabCollection : ICollectionFixture<KitchenLabServer>
{
    public const string Name = "Kitchen Lab processes";
}
