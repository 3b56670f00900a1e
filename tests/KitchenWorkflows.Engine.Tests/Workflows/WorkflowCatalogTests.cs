using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Tests.Composition;
using KitchenWorkflows.KitchenLab;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Workflows;

/// <summary>
/// The shipped definitions in <c>workflows/</c>: every file loads, validates, compiles and runs on the
/// real engine with the Kitchen Lab activities, as the server composes it, and the contact-scheme workflows
/// give the agent the article's Russian scripts word for word. The SMS gateway and Usedesk are stand-ins on
/// 127.0.0.1 (a fresh pair per test), so what the workflows send is asserted as it went over the wire.
/// </summary>
public sealed partial class WorkflowCatalogTests : IAsyncLifetime
{
    // Copied word for word from /work/shared/seed/kitchen-lab-hotline-article.ru.txt (the text inside the quotes).
    private const string PotentialClientScript =
        "Проект Kitchen Lab обновляется, по этой причине прием новых заказов приостановлен. Следите за новостями на сайте https://haieronline.ru/";

    private const string ExistingClientScript =
        "Для дальнейшего решения вопроса напишите, пожалуйста, на официальную почту Kitchen Lab. Укажите номер договора и номер телефона для связи с вами. Ответственный менеджер все проверит и с вами свяжется";

    private const string ProjectClosingScript =
        "Бренд на данный момент претерпевает структурные изменения, мы временно приостанавливаем прием новых заявок, а также производство новых заказов. Все ушедшие в производство заказы будут выполнены";

    private const string MailboxScript =
        "Для дальнейшего решения вопроса напишите, пожалуйста, на официальную почту kitchen-lab@haieronline.ru. Укажите номер договора и номер телефона для связи с вами. Спасибо";

    private const string Phone = "contact-scheme-phone";
    private const string Usedesk = "contact-scheme-usedesk";

    private const string CallerPhone = "8 (916) 123-45-67";
    private const long TicketId = 4242;
    private const long KitchenLabChannelId = 77;

    private readonly ScriptedStandIn _sms = new(_ => StandInResponse.Json("""{"id": "sms-1"}"""));
    private readonly ScriptedStandIn _usedesk = new(_ => StandInResponse.Json("""{"status": "success", "ticket_id": 4242, "comment_id": 70001}"""));

    private static string WorkflowsFolder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static TheoryData<string> CatalogFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(WorkflowsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public Task InitializeAsync() => Task.WhenAll(_sms.StartAsync(), _usedesk.StartAsync());

    public async Task DisposeAsync()
    {
        await _sms.DisposeAsync();
        await _usedesk.DisposeAsync();
    }

    // ------------------------------------------------------------------ catalog

    [Fact]
    public void Catalog_ShippedFolder_HoldsTheKitchenLabProcesses()
    {
        var files = Directory.EnumerateFiles(WorkflowsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Contains(Phone, files);
        Assert.Contains(Usedesk, files);
        Assert.Contains("contact-scheme-legacy", files);
        Assert.Contains("claim-intake", files);
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void Load_EveryShippedFile_IdAndDefinitionIdEqualTheFileName(string file)
    {
        var definition = Load(file);

        var expected = Path.GetFileNameWithoutExtension(file);
        Assert.Equal(expected, definition.Id);
        Assert.Equal(expected, definition.DefinitionId);
        Assert.False(string.IsNullOrWhiteSpace(definition.Name));
        Assert.True(definition.IsLatest);
        Assert.True(definition.IsPublished);
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public async Task Compile_EveryShippedFile_ValidatesWithoutErrors(string file)
    {
        await using var harness = NewHarness();
        var definition = Load(file);

        var validator = (KitchenWorkflows.Engine.Validation.WorkflowValidator)harness.Services.GetService(typeof(KitchenWorkflows.Engine.Validation.WorkflowValidator))!;
        Assert.Empty(validator.Validate(definition));
        Assert.NotNull(harness.Compiler.Compile(definition));
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void Load_EveryShippedFile_EveryActivityHasADisplayTextAndADesignerPosition(string file)
    {
        var definition = Load(file);

        Assert.All(definition.Root.Activities, activity =>
        {
            Assert.True(activity.Metadata["displayText"] is JsonValue text && !string.IsNullOrWhiteSpace(text.GetValue<string>()), $"{activity.Id} has no displayText");
            Assert.True(activity.Metadata["designer"]?["position"]?["x"] is JsonValue && activity.Metadata["designer"]?["position"]?["y"] is JsonValue, $"{activity.Id} has no designer position");
        });
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void Load_EveryShippedFile_DeclaresEveryInputItReadsAndEveryOutputItSets(string file)
    {
        var definition = Load(file);
        var json = File.ReadAllText(Path.Combine(WorkflowsFolder, file));

        var declaredInputs = definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in GetInputCall().Matches(json))
        {
            Assert.Contains(match.Groups["name"].Value, declaredInputs);
        }

        var declaredOutputs = definition.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var setOutput in definition.Root.Activities.Where(a => a.Type == "Elsa.SetOutput"))
        {
            var name = setOutput.Inputs["outputName"].Expression!;
            Assert.Equal(ExpressionTypes.Literal, name.Type);
            Assert.Contains(name.Text, declaredOutputs);
        }
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void RoundTrip_EveryShippedFile_WritesTheDocumentItRead(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder, file)))!;

        var written = WorkflowDefinitionSerializer.ToJsonObject(WorkflowDefinitionSerializer.Deserialize(original));

        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public async Task Run_EveryShippedFileWithoutInput_EndsFinishedOrFaultedWithAnIncident(string file)
    {
        await using var harness = NewHarness();
        var workflow = harness.Compiler.Compile(Load(file));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Contains(result.State.SubStatus, new[] { WorkflowSubStatus.Finished, WorkflowSubStatus.Faulted });
        if (result.State.SubStatus == WorkflowSubStatus.Faulted)
        {
            Assert.NotEmpty(Assert.Single(result.State.Incidents).Message);
        }
    }

    // ------------------------------------------------------------------ contact-scheme-phone

    [Fact]
    public async Task RunPhone_PotentialClient_SaysNewOrdersAreSuspendedWithoutSmsOrNaumen()
    {
        var result = await RunAsync(Phone, ("callerKind", "potential"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Potential client: projects suspended script"], EngineHarness.Lines(result.Journal));
        Assert.Equal(PotentialClientScript, result.State.Output["script"]);
        Assert.Equal(false, result.State.Output["sendSms"]);
        Assert.False(result.State.Output.ContainsKey("smsText"));
        Assert.Equal(false, result.State.Output["registerInNaumen"]);
        Assert.NotEmpty(Actions(result));
    }

    [Fact]
    public async Task RunPhone_ExistingClient_AsksToWriteToTheMailboxAndSendsTheMailboxBySms()
    {
        var result = await RunAsync(Phone, ("callerKind", "existing"), ("phone", CallerPhone));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Existing client: Kitchen Lab mailbox script, SMS with the mailbox"], EngineHarness.Lines(result.Journal));
        var sms = Assert.Single(_sms.Requests);
        Assert.Equal(("POST", "/messages"), (sms.Method, sms.Path));
        Assert.Equal($"{result.State.Id}:existing-sms:1", sms.Header("Idempotency-Key"));
        using (var body = JsonDocument.Parse(sms.Body))
        {
            Assert.Equal("+79161234567", body.RootElement.GetProperty("to").GetString());
            Assert.Equal(MailboxScript, body.RootElement.GetProperty("text").GetString());
        }

        Assert.Equal(ExistingClientScript, result.State.Output["script"]);
        Assert.Equal(true, result.State.Output["sendSms"]);
        Assert.Equal(MailboxScript, result.State.Output["smsText"]);
        Assert.Contains("kitchen-lab@haieronline.ru", (string)result.State.Output["smsText"]!, StringComparison.Ordinal);
        Assert.Equal(false, result.State.Output["registerInNaumen"]);
        Assert.Contains(Actions(result), a => a.Contains("SMS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunPhone_ExistingClientWithoutPhone_GivesTheScriptThenFaultsAtTheSmsWithoutCallingTheGateway()
    {
        var result = await RunAsync(Phone, ("callerKind", "existing"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("existing-sms", incident.ActivityId);
        Assert.Contains("is not a Russian phone number", incident.Message, StringComparison.Ordinal);
        Assert.Equal(ExistingClientScript, result.State.Output["script"]);
        Assert.Empty(_sms.Requests);
    }

    [Fact]
    public async Task RunPhone_RepeatContactNobodyAnswered_AsksToWriteToTheMailboxAgainWithoutSms()
    {
        var result = await RunAsync(Phone, ("callerKind", "repeat"), ("repeatReason", "no-answer"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Repeat contact, nobody answered: write to the mailbox again"], EngineHarness.Lines(result.Journal));
        Assert.Equal(ExistingClientScript, result.State.Output["script"]);
        Assert.Equal(false, result.State.Output["sendSms"]);
        Assert.False(result.State.Output.ContainsKey("smsText"));
        Assert.Equal(false, result.State.Output["registerInNaumen"]);
        Assert.Contains(Actions(result), a => a.Contains("again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunPhone_RepeatContactAsksWhetherTheProjectIsClosing_ReassuresWithTheStructuralChangesScript()
    {
        var result = await RunAsync(Phone, ("callerKind", "repeat"), ("repeatReason", "closing-question"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Repeat contact, is the project closing: reassurance script"], EngineHarness.Lines(result.Journal));
        Assert.Equal(ProjectClosingScript, result.State.Output["script"]);
        Assert.Equal(false, result.State.Output["sendSms"]);
        Assert.False(result.State.Output.ContainsKey("smsText"));
        Assert.Equal(false, result.State.Output["registerInNaumen"]);
        Assert.NotEmpty(Actions(result));
    }

    [Theory]
    [InlineData("potential", null)]
    [InlineData("existing", null)]
    [InlineData("repeat", "no-answer")]
    [InlineData("repeat", "closing-question")]
    public async Task RunPhone_AnyKnownCaller_NeverRegistersTheCallInNaumen(string callerKind, string? repeatReason)
    {
        var result = await RunAsync(Phone, ("callerKind", callerKind), ("repeatReason", repeatReason), ("phone", CallerPhone));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(false, result.State.Output["registerInNaumen"]);
        Assert.Equal(callerKind == "existing", result.State.Output["sendSms"]);
        Assert.Equal(callerKind == "existing" ? 1 : 0, _sms.Requests.Count);
        Assert.Single(EngineHarness.Lines(result.Journal));
    }

    [Theory]
    [InlineData("vip")]
    [InlineData("Potential")]
    [InlineData("")]
    public async Task RunPhone_UnknownCallerKind_FaultsThroughDefaultWithAClearMessage(string callerKind)
    {
        var result = await RunAsync(Phone, ("callerKind", callerKind));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("caller-kind-unknown", incident.ActivityId);
        Assert.Contains($"Unknown caller kind '{callerKind}'", incident.Message, StringComparison.Ordinal);
        Assert.Contains("Expected potential, existing or repeat", incident.Message, StringComparison.Ordinal);
        Assert.False(result.State.Output.ContainsKey("script"));
        Assert.Empty(EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task RunPhone_NoCallerKind_FaultsThroughDefault()
    {
        var result = await RunAsync(Phone);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal("caller-kind-unknown", Assert.Single(result.State.Incidents).ActivityId);
    }

    [Theory]
    [InlineData("angry")]
    [InlineData(null)]
    public async Task RunPhone_RepeatContactWithUnknownReason_FaultsWithAClearMessage(string? repeatReason)
    {
        var result = await RunAsync(Phone, ("callerKind", "repeat"), ("repeatReason", repeatReason));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("repeat-reason-unknown", incident.ActivityId);
        Assert.Contains("Unknown repeat reason", incident.Message, StringComparison.Ordinal);
        Assert.Contains("Expected no-answer or closing-question", incident.Message, StringComparison.Ordinal);
        Assert.False(result.State.Output.ContainsKey("script"));
    }

    // ------------------------------------------------------------------ contact-scheme-usedesk

    [Fact]
    public async Task RunUsedesk_Chat_RepliesWithTheMailboxScript()
    {
        var result = await RunAsync(Usedesk, ("channel", "chat"), ("ticketId", TicketId));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Chat: reply with the Kitchen Lab mailbox script"], EngineHarness.Lines(result.Journal));
        AssertRepliedWithTheMailboxScriptOnly(result, "chat-send");
        Assert.Equal(true, result.State.Output["reply"]);
        Assert.Equal(MailboxScript, result.State.Output["script"]);
        Assert.False(result.State.Output.ContainsKey("moveToChannel"));
        Assert.NotEmpty(Actions(result));
    }

    [Fact]
    public async Task RunUsedesk_Social_RepliesWithTheMailboxScript()
    {
        var result = await RunAsync(Usedesk, ("channel", "social"), ("ticketId", TicketId));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Social network: reply with the Kitchen Lab mailbox script"], EngineHarness.Lines(result.Journal));
        AssertRepliedWithTheMailboxScriptOnly(result, "social-send");
        Assert.Equal(true, result.State.Output["reply"]);
        Assert.Equal(MailboxScript, result.State.Output["script"]);
        Assert.False(result.State.Output.ContainsKey("moveToChannel"));
        Assert.NotEmpty(Actions(result));
    }

    [Fact]
    public async Task RunUsedesk_Email_MovesToKitchenLabWithoutStatusChangeOrReply()
    {
        var result = await RunAsync(Usedesk, ("channel", "email"), ("ticketId", TicketId));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Email: move to channel Kitchen Lab, keep the status, no reply"], EngineHarness.Lines(result.Journal));
        var move = Assert.Single(_usedesk.Requests);
        Assert.Equal(("POST", "/update/ticket"), (move.Method, move.Path));
        Assert.Equal($"{result.State.Id}:email-move:1", move.Header("Idempotency-Key"));
        Assert.Equal(["api_token", "channel_id", "ticket_id"], JsonNames(move.Body));
        Assert.Equal(KitchenLabChannelId, JsonProperty(move.Body, "channel_id").GetInt64());
        Assert.Equal(TicketId, JsonProperty(move.Body, "ticket_id").GetInt64());
        Assert.Equal("Kitchen Lab", result.State.Output["moveToChannel"]);
        Assert.Equal(false, result.State.Output["changeStatus"]);
        Assert.Equal(false, result.State.Output["reply"]);
        Assert.False(result.State.Output.ContainsKey("script"));
        Assert.NotEmpty(Actions(result));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData(null)]
    public async Task RunUsedesk_UnknownChannel_FaultsThroughDefaultWithAClearMessage(string? channel)
    {
        var result = await RunAsync(Usedesk, ("channel", channel));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("channel-unknown", incident.ActivityId);
        Assert.Contains("Unknown Usedesk channel", incident.Message, StringComparison.Ordinal);
        Assert.Contains("Expected chat, email or social", incident.Message, StringComparison.Ordinal);
        Assert.Empty(result.State.Output);
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>The engine as the server composes it: built-ins, Kitchen Lab activities and clients, pointed at the stand-ins.</summary>
    private EngineHarness NewHarness()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sms:BaseUrl"] = _sms.BaseUrl.ToString(),
            ["Sms:Token"] = "sms-token",
            ["Usedesk:BaseUrl"] = _usedesk.BaseUrl.ToString(),
            ["Usedesk:ApiToken"] = "usedesk-token",
            ["Usedesk:KitchenLabChannelId"] = KitchenLabChannelId.ToString(CultureInfo.InvariantCulture),
            ["Usedesk:CategoryFieldId"] = "501",
            ["Usedesk:ReclamationsGroupId"] = "12",
        };
        return new EngineHarness(
            activities => activities.AddKitchenLabActivities(),
            services => services
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
                .AddSingleton<IWorkflowActivitySource>(new TestWorkflowActivities(("WarrantyCheck", Load("warranty-check"))))
                .AddKitchenLab());
    }

    private void AssertRepliedWithTheMailboxScriptOnly(RunResult result, string replyActivityId)
    {
        // One public comment and no ticket update: the article asks for a reply, not a status or channel change.
        var reply = Assert.Single(_usedesk.Requests);
        Assert.Equal(("POST", "/create/comment"), (reply.Method, reply.Path));
        Assert.Equal($"{result.State.Id}:{replyActivityId}:1", reply.Header("Idempotency-Key"));
        Assert.Equal(MailboxScript, JsonProperty(reply.Body, "message").GetString());
        Assert.Equal("public", JsonProperty(reply.Body, "type").GetString());
        Assert.Equal(TicketId, JsonProperty(reply.Body, "ticket_id").GetInt64());
    }

    private static JsonElement JsonProperty(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).Clone();
    }

    private static List<string> JsonNames(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private static WorkflowDefinition Load(string file) =>
        WorkflowDefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(WorkflowsFolder, file.EndsWith(".json", StringComparison.Ordinal) ? file : file + ".json")));

    private async Task<RunResult> RunAsync(string workflow, params (string Name, object? Value)[] input)
    {
        await using var harness = NewHarness();
        var compiled = harness.Compiler.Compile(Load(workflow));
        return await harness.Runner.StartAsync(compiled, new StartRequest
        {
            Input = input.Where(i => i.Value is not null).ToDictionary(i => i.Name, i => (object?)i.Value, StringComparer.Ordinal),
        });
    }

    private static List<string> Actions(RunResult result)
    {
        var actions = Assert.IsAssignableFrom<System.Collections.IEnumerable>(result.State.Output["actions"]);
        return [.. actions.Cast<object?>().Select(a => Assert.IsType<string>(a))];
    }

    [GeneratedRegex("""getInput\(\s*["'](?<name>[^"']+)["']\s*\)""")]
    private static partial Regex GetInputCall();
}
