using Bunit;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Testing;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using KitchenWorkflows.Testing.StandIns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>
/// The Studio's side of test cases: a test run shows what it would have sent and becomes a test case; the Tests tab runs
/// the cases and shows how a failing one differs, also when a publish was refused for it.
/// </summary>
public sealed class TestCaseComponentsTests : StudioTestContext
{
    // The panels ask a real server (the stand-in); a first request on a loaded machine takes longer than bUnit's 1 s.
    private static readonly TimeSpan ServerAnswer = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TestRun_ShowsTheSmsItWouldHaveSent_AndSavesTheRunAsATestCase()
    {
        await using var api = await StartAsync();
        WorkflowTestCase? saved = null;
        var provider = Render<MudDialogProvider>();
        Render<TestRunDialog>(p => p
            .Add(c => c.Open, true)
            .Add(c => c.Definition, TestData.TwoStep())
            .Add(c => c.SaveTestCase, (WorkflowTestCase c) => saved = c));

        provider.Find("textarea[data-testid=run-input]").Change("{ \"name\": \"Анна\" }");
        await provider.Find("[data-testid=test-run-start]").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains("+79161234567", provider.Find("[data-testid=withheld-call]").TextContent, StringComparison.Ordinal), ServerAnswer);
        Assert.Contains("SMS gateway · send SMS", provider.Find("[data-testid=withheld-call]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Здравствуйте, Анна", provider.Find("[data-testid=withheld-call]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Path: start → write", provider.Find("[data-testid=test-run-path]").TextContent.Trim());
        Assert.Contains("/api/workflow-definitions/two-step/test-run", api.Requests.Select(r => r.Path));

        provider.Find("input[data-testid=test-case-name]").Change("Анна");
        await provider.Find("[data-testid=test-case-save]").ClickAsync(new());

        Assert.NotNull(saved);
        Assert.Equal("Анна", saved.Name);
        Assert.Equal("Анна", saved.Input["name"]);
        Assert.Equal(WorkflowSubStatus.Finished, saved.Expected.Status);
        Assert.Equal("Здравствуйте, Анна", saved.Expected.Outputs!["reply"]);
        Assert.Equal(["Привет, Анна"], saved.Expected.Journal!);
        Assert.Equal(["start", "write"], saved.Expected.Path!);
    }

    [Fact]
    public async Task RunAll_OneCaseFails_ShowsPassedAndFailedWithTheDifference()
    {
        await using var api = await StartAsync();
        var panel = Render<TestCasesPanel>(p => p.Add(c => c.Definition, WithCases("Анна", "Борис")));
        Assert.Equal(["not run", "not run"], States(panel));

        await panel.Find("[data-testid=test-cases-run]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal(["failed", "passed"], States(panel)), ServerAnswer);
        var difference = panel.Find("[data-testid=test-case-difference]");
        Assert.Equal(["output 'reply'", "\"Здравствуйте, Анна\"", "\"Добрый день, Анна\""], difference.Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Refusal_OfAPublish_ShowsTheFailedCaseWithItsStepByTheActivityTitle()
    {
        var definition = WithCases("Анна", "Борис");
        definition.Root.Activities[1].Metadata["displayText"] = "Приветствие";
        var refusal = new List<FailedTestCase> { new("Анна", [new TestCaseDifference("path step 2", "write", null)]) };
        Services.AddSingleton(UnusedApi());

        var panel = Render<TestCasesPanel>(p => p.Add(c => c.Definition, definition).Add(c => c.Refusal, refusal));

        Assert.Contains("1 test case(s) failed", panel.Find("[data-testid=publish-refused]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["failed", "passed"], States(panel));
        Assert.Equal(["path step 2", "Приветствие", "—"], panel.Find("[data-testid=test-case-difference]").Children.Select(c => c.TextContent));
    }

    [Fact]
    public async Task Delete_ACase_RemovesItFromTheDefinitionAsAChange()
    {
        var definition = WithCases("Анна", "Борис");
        var changed = 0;
        Services.AddSingleton(UnusedApi());
        var panel = Render<TestCasesPanel>(p => p.Add(c => c.Definition, definition).Add(c => c.Changed, () => changed++));

        await panel.FindAll("[data-testid=test-case-delete]")[0].ClickAsync(new());

        Assert.Equal(["Борис"], WorkflowTestCases.Read(definition).Select(c => c.Name));
        Assert.Equal(1, changed);
        Assert.Single(panel.FindAll("[data-testid=test-case]"));
    }

    private static List<string> States(IRenderedComponent<TestCasesPanel> panel) =>
        [.. panel.FindAll("[data-testid=test-case-state]").Select(s => s.TextContent.Trim())];

    private static WorkflowDefinition WithCases(params string[] names)
    {
        var definition = TestData.TwoStep();
        WorkflowTestCases.Write(definition, [.. names.Select(n => new WorkflowTestCase
        {
            Name = n,
            Input = new() { ["name"] = n },
            Expected = new TestCaseExpectation { Outputs = new() { ["reply"] = "Здравствуйте, " + n } },
        })]);
        return definition;
    }

    // For a panel that is not asked to call the server in the test.
    private static StudioApiClient UnusedApi() => new(new HttpClient());

    private async Task<TestsStandIn> StartAsync()
    {
        var api = new TestsStandIn();
        await api.StartAsync();
        Services.AddSingleton(new StudioApiClient(new HttpClient { BaseAddress = api.BaseUrl }));
        return api;
    }

    // The server's answers to a test run (an SMS withheld) and to running the cases (Анна's reply changed, Борис's not).
    private sealed class TestsStandIn : StandInServer
    {
        protected override void Map(WebApplication app)
        {
            app.MapPost("/api/workflow-definitions/{id}/test-run", () => Results.Json(new
            {
                status = "Finished",
                outputs = new { reply = "Здравствуйте, Анна" },
                journal = new[] { "Привет, Анна" },
                path = new[] { "start", "write" },
                withheldCalls = new[]
                {
                    new { activityId = "write", system = "SMS gateway", action = "send SMS", details = new { to = "+79161234567", text = "Здравствуйте, Анна" }, timestamp = DateTimeOffset.UnixEpoch },
                },
            }));
            app.MapPost("/api/workflow-definitions/{id}/test-cases/run", () => Results.Json(new object[]
            {
                new { name = "Анна", differences = new[] { new { what = "output 'reply'", expected = "\"Здравствуйте, Анна\"", actual = "\"Добрый день, Анна\"" } }, actual = new { status = "Finished" } },
                new { name = "Борис", differences = Array.Empty<object>(), actual = new { status = "Finished" } },
            }));
        }
    }
}
