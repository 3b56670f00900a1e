using System.Globalization;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>Liquid templates render the instance's variables, input, identity and correlation.</summary>
public sealed class LiquidEvaluatorTests
{
    private static async Task<string?> RenderAsync(string template, JsonArray? variables = null, StartRequest? request = null)
    {
        await using var harness = new EngineHarness();
        var result = await harness.RunAsync(Chain(variables ?? [], WriteLine("Write1", "Liquid", template)).ToJsonString(), request);
        Assert.True(result.State.SubStatus == WorkflowSubStatus.Finished, string.Join("; ", result.State.Incidents.Select(i => i.Message)));
        return Assert.Single(EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Evaluate_Variables_RendersTheVariableValues()
    {
        var line = await RenderAsync("{{ Variables.Name }} has {{ Variables.Count }} orders", [Variable("Name", "String", "Иван"), Variable("Count", "Int32", "3")]);

        Assert.Equal("Иван has 3 orders", line);
    }

    [Fact]
    public async Task Evaluate_Input_RendersTheWorkflowInputIncludingNestedValues()
    {
        var request = new StartRequest
        {
            Input = new Dictionary<string, object?>
            {
                ["Phone"] = "+7 900 000-00-00",
                ["Order"] = new Dictionary<string, object?> { ["Lines"] = new List<object?> { "sink", "tap" } },
            },
        };

        var line = await RenderAsync("{{ Input.Phone }}: {{ Input.Order.Lines | size }} lines, first {{ Input.Order.Lines[0] }}", request: request);

        Assert.Equal("+7 900 000-00-00: 2 lines, first sink", line);
    }

    [Fact]
    public async Task Evaluate_WorkflowAndCorrelation_RendersTheInstanceIdentity()
    {
        var request = new StartRequest { InstanceId = "instance-9", CorrelationId = "contract-5" };

        var line = await RenderAsync("{{ Workflow.Id }}/{{ Workflow.DefinitionId }}/{{ Workflow.CorrelationId }}/{{ CorrelationId }}", request: request);

        Assert.Equal("instance-9/tiny/contract-5/contract-5", line);
    }

    [Fact]
    public async Task Evaluate_FractionalNumber_RendersWithAPointWhateverTheCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var line = await RenderAsync("{{ Variables.Price }}", [Variable("Price", "Double", "9.5")]);

            Assert.Equal("9.5", line);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Evaluate_MissingValues_RenderEmpty()
    {
        var line = await RenderAsync("[{{ Variables.Nope }}|{{ Input.Nope }}|{{ CorrelationId }}]");

        Assert.Equal("[||]", line);
    }

    [Fact]
    public async Task Evaluate_MarkupCharactersInValues_AreNotHtmlEncoded()
    {
        var line = await RenderAsync("{{ Variables.Text }}", [Variable("Text", "String", "<b>Tom & Jerry's</b> \"quoted\"")]);

        Assert.Equal("<b>Tom & Jerry's</b> \"quoted\"", line);
    }

    [Fact]
    public async Task Evaluate_FiltersAndTags_Work()
    {
        var line = await RenderAsync(
            "{% if Variables.Count > 2 %}{{ Variables.Name | upcase }}{% else %}few{% endif %}",
            [Variable("Name", "String", "ivan"), Variable("Count", "Int32", "3")]);

        Assert.Equal("IVAN", line);
    }

    [Fact]
    public async Task Evaluate_VariableChangedEarlierInTheRun_RendersTheNewValue()
    {
        await using var harness = new EngineHarness();
        var definition = Chain(
            [Variable("Name", "String", "old")],
            SetVariable("Set1", "Name", "Literal", "new"),
            WriteLine("Write1", "Liquid", "{{ Variables.Name }}"));

        var result = await harness.RunAsync(definition.ToJsonString());

        Assert.Equal(["new"], EngineHarness.Lines(result.Journal));
    }
}
