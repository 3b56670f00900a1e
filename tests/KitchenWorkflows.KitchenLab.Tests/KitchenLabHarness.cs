using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitchenWorkflows.KitchenLab.Tests;

/// <summary>
/// The engine with the Kitchen Lab activities and services as the server composes them, configured from an
/// in-memory configuration that points at the stand-ins, on a fake clock and the in-memory runtime.
/// </summary>
internal sealed class KitchenLabHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public KitchenLabHarness(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var services = new ServiceCollection();
        // Later settings override earlier ones, so a test can change one value of a stand-in's set.
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(merged).Build());
        services.AddSingleton<TimeProvider>(Clock);
        services.AddKitchenWorkflowsEngine(activities => activities.AddKitchenLabActivities());
        services.AddKitchenLab();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _services;

    public InMemoryWorkflowRuntime Runtime => _services.GetRequiredService<InMemoryWorkflowRuntime>();

    public static IEnumerable<KeyValuePair<string, string?>> SmsSettings(SmsGatewayStandIn sms) =>
    [
        new("Sms:BaseUrl", sms.BaseUrl.ToString()),
        new("Sms:Token", SmsGatewayStandIn.Token),
    ];

    public static IEnumerable<KeyValuePair<string, string?>> UsedeskSettings(UsedeskStandIn usedesk) =>
    [
        new("Usedesk:BaseUrl", usedesk.BaseUrl.ToString()),
        new("Usedesk:ApiToken", UsedeskStandIn.ApiToken),
        new("Usedesk:KitchenLabChannelId", "77"),
        new("Usedesk:CategoryFieldId", "501"),
        new("Usedesk:ReclamationsGroupId", "12"),
        new("Usedesk:UserId", "545"),
    ];

    public static IEnumerable<KeyValuePair<string, string?>> NaumenSettings(NaumenStandIn naumen) =>
    [
        new("Naumen:BaseUrl", naumen.BaseUrl.ToString()),
        new("Naumen:Token", NaumenStandIn.Token),
    ];

    public static IEnumerable<KeyValuePair<string, string?>> SmtpSettings(SmtpStandIn smtp) =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:UseTls", "false"),
        new("Smtp:From", "Haier Kitchen Lab <kitchen-lab@haieronline.ru>"),
    ];

    /// <summary>Publishes the flow and starts an instance of it.</summary>
    public Task<RunResult> RunAsync(FlowBuilder flow, StartRequest? request = null)
    {
        Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(flow.Json));
        return Runtime.StartAsync(flow.DefinitionId, request ?? new StartRequest());
    }

    /// <summary>Moves the fake clock and waits for the runs its timers started.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Runtime.WhenIdleAsync();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
