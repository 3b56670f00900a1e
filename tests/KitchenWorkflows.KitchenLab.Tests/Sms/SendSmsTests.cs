using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Tests.Sms;

/// <summary>KitchenLab.SendSms through the engine against a stand-in SMS gateway.</summary>
public sealed class SendSmsTests : IAsyncLifetime
{
    private const string MailboxScript = "Напишите, пожалуйста, на официальную почту kitchen-lab@haieronline.ru. Укажите номер договора и номер телефона для связи с вами. Спасибо";

    private readonly SmsGatewayStandIn _gateway = new();

    public Task InitializeAsync() => _gateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static FlowBuilder Flow(string phone) =>
        FlowBuilder.Single("send-sms", "KitchenLab.SendSms",
            ("phone", FlowBuilder.Literal(phone)),
            ("text", FlowBuilder.Literal(MailboxScript)),
            FlowBuilder.Retry(maxAttempts: 3, initialDelaySeconds: 10));

    [Fact]
    public async Task SendSms_WrittenPhone_PostsNormalisedNumberAndRussianTextWithTokenAndKey()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmsSettings(_gateway));

        var result = await harness.RunAsync(Flow("8 (916) 123-45-67"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var request = Assert.Single(_gateway.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/messages", request.Path);
        Assert.Equal("Bearer " + SmsGatewayStandIn.Token, request.Header("Authorization"));
        Assert.Equal($"{result.State.Id}:act:1", request.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal(new Dictionary<string, string> { ["to"] = "\"+79161234567\"", ["text"] = $"\"{MailboxScript}\"" }, request.JsonProperties());
        Assert.Contains("официальную почту", request.Body, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, object?> { ["to"] = "+79161234567", ["messageId"] = "sms-1" }, result.State.ActivityOutputs["act"]);
    }

    [Fact]
    public async Task SendSms_GatewayAnswers503ThenOk_RetriesAfterTheBackOffWithTheSameKey()
    {
        _gateway.Failures.Enqueue(503);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmsSettings(_gateway));

        var first = await harness.RunAsync(Flow("+7 916 123 45 67"));
        Assert.Equal(WorkflowSubStatus.Suspended, first.State.SubStatus);
        Assert.Equal(Bookmark.RetryName, Assert.Single(first.State.Bookmarks).Name);
        Assert.Single(_gateway.Requests);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        var state = harness.Runtime.GetInstance(first.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        var keys = _gateway.Requests.Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal($"{state.Id}:act:1", Assert.Single(keys.Distinct()));
        Assert.All(_gateway.Requests, r => Assert.Equal("+79161234567", r.JsonString("to")));
    }

    [Fact]
    public async Task SendSms_GatewayUnreachable_IsRetriedByThePolicy()
    {
        var unreachable = new SmsGatewayStandIn();
        await unreachable.StartAsync();
        var settings = KitchenLabHarness.SmsSettings(unreachable).ToList();
        await unreachable.DisposeAsync();
        await using var harness = new KitchenLabHarness(settings);

        var result = await harness.RunAsync(Flow("+79161234567"));

        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        Assert.Equal(Bookmark.RetryName, Assert.Single(result.State.Bookmarks).Name);
        Assert.Equal(JournalEntryStatus.Retrying, result.Journal.Single(e => e.ActivityId == "act").Status);
    }

    [Fact]
    public async Task SendSms_GatewayAnswers400_FaultsWithoutRetry()
    {
        _gateway.Failures.Enqueue(400);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmsSettings(_gateway));

        var result = await harness.RunAsync(Flow("+79161234567"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        var incident = Assert.Single(result.State.Incidents);
        Assert.StartsWith("The SMS gateway answered 400", incident.Message, StringComparison.Ordinal);
        Assert.Single(_gateway.Requests);
    }

    [Theory]
    [InlineData("12345", "'12345' is not a Russian phone number")]
    [InlineData("+1 212 555 0100", "is not a Russian phone number")]
    [InlineData("8 (495) 123-45-67", "+74951234567 is not a mobile number")]
    public async Task SendSms_InvalidPhone_FaultsWithoutRetryOrRequest(string phone, string expected)
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmsSettings(_gateway));

        var result = await harness.RunAsync(Flow(phone));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.Contains(expected, Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(_gateway.Requests);
    }

    [Fact]
    public async Task SendSms_TokenNotConfigured_FaultsWithTheSettingsMessage()
    {
        await using var harness = new KitchenLabHarness([new("Sms:BaseUrl", _gateway.BaseUrl.ToString())]);

        var result = await harness.RunAsync(Flow("+79161234567"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        // What ops read says what to set, by the environment variables they set; the validation message is the detail beneath.
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("The SMS gateway is not configured: set Sms__BaseUrl and Sms__Token, then Retry.", incident.Message);
        Assert.Contains("'Token'", incident.Detail, StringComparison.Ordinal);
        Assert.Empty(_gateway.Requests);
    }
}
