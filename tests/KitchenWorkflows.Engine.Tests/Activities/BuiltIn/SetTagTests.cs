using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class SetTagTests
{
    [Fact]
    public async Task ExecuteAsync_NameAndValue_SetsTheTagAndALaterOneReplacesIt()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("centre", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("serviceCentreId")), ("tagValue", FlowBuilder.Js("getInput('centre')")))
            .Add("assigned", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("status")), ("tagValue", FlowBuilder.Literal("assigned")))
            .Add("scheduled", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("status")), ("tagValue", FlowBuilder.Literal("scheduled")))
            .Chain("centre", "assigned", "scheduled")
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["centre"] = "asc-77" } });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(new Dictionary<string, string> { ["serviceCentreId"] = "asc-77", ["status"] = "scheduled" }, result.State.Tags);
    }

    [Fact]
    public async Task ExecuteAsync_EmptyValue_RemovesTheTag()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("set", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("status")), ("tagValue", FlowBuilder.Literal("assigned")))
            .Add("clear", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("status")), ("tagValue", FlowBuilder.Literal("")))
            .Chain("set", "clear")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Empty(result.State.Tags);
    }

    [Theory]
    [InlineData("status:open")]
    [InlineData(" ")]
    public async Task ExecuteAsync_BadName_FaultsWithoutRetry(string name)
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("set", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal(name)), ("tagValue", FlowBuilder.Literal("x")))
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("tag name", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(result.State.Tags);
    }

    [Fact]
    public async Task ExecuteAsync_ValueLongerThanTheLimit_Faults()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("set", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("note")), ("tagValue", FlowBuilder.Literal(new string('x', InstanceTags.MaxValueLength + 1))))
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("longer than", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_Tags_SurviveSerialization()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("set", "KitchenWorkflows.SetTag", ("tagName", FlowBuilder.Literal("status")), ("tagValue", FlowBuilder.Literal("assigned")))
            .Json;
        var result = await harness.RunAsync(json);

        var read = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(result.State));

        Assert.Equal("assigned", read.Tags["status"]);
    }

    [Fact]
    public void Descriptor_SetTag_IsAPrimitiveWithARequiredName()
    {
        var registry = KitchenWorkflows.Engine.Activities.BuiltIn.BuiltInActivities.Register(new KitchenWorkflows.Engine.Activities.ActivityRegistry());

        Assert.True(registry.TryGetDescriptor("KitchenWorkflows.SetTag", out var descriptor));
        Assert.Equal("Primitives", descriptor.Category);
        Assert.True(descriptor.Inputs.Single(i => i.Name == "tagName").Required);
        Assert.False(descriptor.Inputs.Single(i => i.Name == "tagValue").Required);
    }
}
