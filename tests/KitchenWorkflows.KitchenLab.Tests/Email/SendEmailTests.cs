using KitchenWorkflows.Engine.Execution;
using MimeKit;
using SmtpServer.Protocol;

namespace KitchenWorkflows.KitchenLab.Tests.Email;

/// <summary>KitchenLab.SendEmail through the engine against a real SMTP server on 127.0.0.1.</summary>
public sealed class SendEmailTests : IAsyncLifetime
{
    private const string Subject = "Запрос клиента Kitchen Lab";
    private const string Body = "Клиент просит связаться по договору № 123.\nТелефон: +7 916 123-45-67";

    private readonly SmtpStandIn _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private static FlowBuilder Flow(string to, string cc = "") =>
        FlowBuilder.Single("send-email", "KitchenLab.SendEmail",
            ("to", FlowBuilder.Literal(to)),
            ("cc", FlowBuilder.Literal(cc)),
            ("subject", FlowBuilder.Literal(Subject)),
            ("body", FlowBuilder.Literal(Body)),
            FlowBuilder.Retry(maxAttempts: 3, initialDelaySeconds: 30));

    [Fact]
    public async Task SendEmail_RussianMessage_ServerReceivesItWithCopyAndAMessageIdFromTheKey()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmtpSettings(_smtp));

        var result = await harness.RunAsync(Flow("service.manager@haieronline.ru", "Евгения <supervisor@haierrussia.ru>"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var (message, recipients) = Assert.Single(_smtp.Attempts);
        Assert.Equal(["service.manager@haieronline.ru", "supervisor@haierrussia.ru"], recipients);
        Assert.Equal("kitchen-lab@haieronline.ru", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.Equal("service.manager@haieronline.ru", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("Евгения", Assert.IsType<MailboxAddress>(Assert.Single(message.Cc)).Name);
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(Body, message.TextBody!.TrimEnd().ReplaceLineEndings("\n"));
        var expectedId = KitchenLab.Email.SendEmail.MessageIdFor($"{result.State.Id}:act:1", MailboxAddress.Parse("kitchen-lab@haieronline.ru"));
        Assert.Equal(expectedId, message.MessageId);
        Assert.EndsWith("@haieronline.ru", message.MessageId, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, object?> { ["messageId"] = expectedId }, result.State.ActivityOutputs["act"]);
    }

    [Fact]
    public async Task SendEmail_TemporaryRefusal_RetriesWithTheSameMessageId()
    {
        _smtp.Refusals.Enqueue((SmtpReplyCode)451);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmtpSettings(_smtp));

        var first = await harness.RunAsync(Flow("service.manager@haieronline.ru"));
        Assert.Equal(WorkflowSubStatus.Suspended, first.State.SubStatus);
        Assert.Empty(_smtp.Messages);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(first.State.Id)!.SubStatus);
        var ids = _smtp.Attempts.Select(a => a.Message.MessageId).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Single(ids.Distinct());
        Assert.Equal(ids[0], Assert.Single(_smtp.Messages).MessageId);
    }

    [Fact]
    public async Task SendEmail_PermanentRefusal_FaultsWithoutRetry()
    {
        _smtp.Refusals.Enqueue(SmtpReplyCode.MailboxUnavailable);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmtpSettings(_smtp));

        var result = await harness.RunAsync(Flow("nobody@haieronline.ru"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.StartsWith("The mail server refused the message: 550", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendEmail_InvalidAddress_FaultsWithoutSending()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.SmtpSettings(_smtp));

        var result = await harness.RunAsync(Flow("not an address <"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("is not a list of email addresses", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Attempts);
    }
}
