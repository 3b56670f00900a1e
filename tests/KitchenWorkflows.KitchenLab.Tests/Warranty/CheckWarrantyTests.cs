using System.Text.Json.Nodes;
using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;
using KitchenWorkflows.KitchenLab.Warranty;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitchenWorkflows.KitchenLab.Tests.Warranty;

// start → check ─Covered─────→ covered
//               ├Not covered─→ notCovered
//               └Review──────→ review
public sealed class CheckWarrantyTests : IAsyncDisposable
{
    // Early enough that a test can move it forward to any day it needs.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public CheckWarrantyTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddKitchenWorkflowsEngine(a => a.AddKitchenLabActivities());
        _services = services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("2026-03-01", "cabinet", "manufacturing-defect", "Covered", "covered", "factory", null)]
    [InlineData("2026-03-02", "cabinet", "manufacturing-defect", "Covered", "covered", "additional", null)]
    [InlineData("2029-03-02", "cabinet", "manufacturing-defect", "Not covered", "not-covered", null, null)]
    [InlineData("2025-06-10", "worktop", "self-installed-sink", "Not covered", "not-covered", null, "self-installed-sink")]
    [InlineData("2025-06-10", "cabinet", "self-installed-sink", "Review", "review", "factory", null)]
    [InlineData("2027-09-15", "lighting", "unknown", "Review", "review", "additional", null)]
    public async Task ExecuteAsync_Claim_ContinuesThroughTheVerdictsPortOnlyWithThePlainVerdict(
        string claimDate, string category, string cause, string expectedPort, string expectedVerdict, string? expectedPart, string? expectedExclusion)
    {
        var result = await RunAsync(Flow(Literal("2024-03-01"), Literal(claimDate), Literal(category), Literal(cause)));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal([expectedPort], result.Journal.Single(e => e.ActivityId == "check").Outcomes);
        Assert.Equal([PortTarget(expectedPort)], result.Journal.Where(e => e.ActivityType == "Elsa.WriteLine").Select(e => e.ActivityId));
        var verdict = Assert.IsType<Dictionary<string, object?>>(result.State.ActivityOutputs["check"]);
        Assert.Equal(["coverageEnds", "exclusion", "part", "reason", "reasonRu", "verdict"], verdict.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expectedVerdict, verdict["verdict"]);
        Assert.Equal(expectedPart, verdict["part"]);
        Assert.Equal(expectedExclusion, verdict["exclusion"]);
        Assert.Equal("2029-03-01", verdict["coverageEnds"]);
        Assert.False(string.IsNullOrEmpty((string?)verdict["reason"]));
        Assert.False(string.IsNullOrEmpty((string?)verdict["reasonRu"]));
    }

    [Theory]
    [InlineData("2026-03-01T23:59:00Z", "factory")] // the factory part's last day by the workflow clock
    [InlineData("2026-03-02T00:00:00Z", "additional")]
    public async Task ExecuteAsync_NoClaimDate_ClaimsTodayByTheWorkflowClock(string now, string expectedPart)
    {
        _clock.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var result = await RunAsync(Flow(Literal("2024-03-01"), claimDate: null, Literal("facade"), Literal("manufacturing-defect")));

        var verdict = Assert.IsType<Dictionary<string, object?>>(result.State.ActivityOutputs["check"]);
        Assert.Equal(expectedPart, verdict["part"]);
    }

    [Fact]
    public async Task ExecuteAsync_InputsFromExpressions_AreEvaluatedAtRunTime()
    {
        var input = new Dictionary<string, object?> { ["handover"] = "2024-03-01", ["category"] = "electronics", ["cause"] = "replaceable-battery" };

        var result = await RunAsync(Flow(Js("getInput('handover')"), Literal("2025-01-01"), Js("getInput('category')"), Js("getInput('cause')")), input);

        Assert.Equal([CheckWarranty.NotCoveredPort], result.Journal.Single(e => e.ActivityId == "check").Outcomes);
        Assert.Equal("replaceable-battery", ((Dictionary<string, object?>)result.State.ActivityOutputs["check"]!)["exclusion"]);
    }

    [Theory]
    [InlineData("2026-01-02", "cabinet", "manufacturing-defect", "handoverDate: The handover date 2026-01-02 is in the future")] // tomorrow by the clock
    [InlineData(null, "cabinet", "manufacturing-defect", "handoverDate: The handover date is required")]
    [InlineData("2024-03-01", "sofa", "manufacturing-defect", "itemCategory: 'sofa' is not one of cabinet")]
    [InlineData("2024-03-01", "cabinet", "cat", "cause: 'cat' is not one of manual-violation")]
    public async Task ExecuteAsync_InvalidClaim_FaultsWithTheFieldAndTakesNoPort(string? handover, string category, string cause, string expectedMessageStart)
    {
        var result = await RunAsync(
            Flow(handover is null ? Js("null") : Literal(handover), claimDate: null, Js($"'{category}'"), Js($"'{cause}'")));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.StartsWith(expectedMessageStart, incident.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Journal, e => e.ActivityType == "Elsa.WriteLine");
    }

    [Fact]
    public void Compile_UnknownLiteralCodes_FailValidationAtTheirInputs()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(Flow(Literal("2024-03-01"), null, Literal("sofa"), Literal("cat")).ToJsonString());

        var invalid = Assert.Throws<WorkflowDefinitionException>(() => _services.GetRequiredService<WorkflowCompiler>().Compile(definition));

        Assert.Contains(invalid.Errors, e => e.Path.EndsWith("itemCategory.expression.value", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, e => e.Path.EndsWith("cause.expression.value", StringComparison.Ordinal));
    }

    [Fact]
    public void Descriptor_Registered_IsInKitchenLabWithThreePortsAndTheCodesAsOptions()
    {
        Assert.True(_services.GetRequiredService<ActivityRegistry>().TryGetDescriptor("KitchenLab.CheckWarranty", out var descriptor));

        Assert.Equal("Kitchen Lab", descriptor.Category);
        Assert.Equal("Check Warranty", descriptor.DisplayName);
        Assert.Equal(["Covered", "Not covered", "Review"], descriptor.Outcomes);
        Assert.Equal(["handoverDate", "claimDate", "itemCategory", "cause"], descriptor.Inputs.Select(i => i.Name));
        Assert.Equal(WarrantyCodes.All<ItemCategory>(), descriptor.Inputs.Single(i => i.Name == "itemCategory").Options);
        Assert.Equal(WarrantyCodes.All<ClaimCause>(), descriptor.Inputs.Single(i => i.Name == "cause").Options);
        Assert.Equal([true, false, true, true], descriptor.Inputs.Select(i => i.Required));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private Task<RunResult> RunAsync(JsonObject flow, IReadOnlyDictionary<string, object?>? input = null)
    {
        var workflow = _services.GetRequiredService<WorkflowCompiler>().Compile(WorkflowDefinitionSerializer.Deserialize(flow.ToJsonString()));
        return _services.GetRequiredService<WorkflowRunner>().StartAsync(workflow, new StartRequest { Input = input });
    }

    private static string PortTarget(string port) => port switch
    {
        CheckWarranty.CoveredPort => "covered",
        CheckWarranty.NotCoveredPort => "notCovered",
        _ => "review",
    };

    private static JsonObject Flow(JsonObject handoverDate, JsonObject? claimDate, JsonObject itemCategory, JsonObject cause)
    {
        var check = new JsonObject
        {
            ["id"] = "check",
            ["type"] = "KitchenLab.CheckWarranty",
            ["version"] = 1,
            ["handoverDate"] = handoverDate,
            ["itemCategory"] = itemCategory,
            ["cause"] = cause,
        };

        if (claimDate is not null)
        {
            check["claimDate"] = claimDate;
        }

        return new JsonObject
        {
            ["id"] = "warranty-v1",
            ["definitionId"] = "warranty",
            ["name"] = "Warranty",
            ["version"] = 1,
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start", ["version"] = 1 },
                    check,
                    WriteLine("covered"),
                    WriteLine("notCovered"),
                    WriteLine("review")),
                ["connections"] = new JsonArray(
                    Connection("start", "Done", "check"),
                    Connection("check", CheckWarranty.CoveredPort, "covered"),
                    Connection("check", CheckWarranty.NotCoveredPort, "notCovered"),
                    Connection("check", CheckWarranty.ReviewPort, "review")),
            },
        };
    }

    private static JsonObject WriteLine(string id) =>
        new() { ["id"] = id, ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Literal(id) };

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    private static JsonObject Literal(string value) => Expression("Literal", value);

    private static JsonObject Js(string script) => Expression("JavaScript", script);

    private static JsonObject Expression(string syntax, string value) => new()
    {
        ["typeName"] = "Object",
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };
}
