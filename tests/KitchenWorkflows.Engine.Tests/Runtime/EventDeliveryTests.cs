using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Runtime;

/// <summary>Event delivery of the in-memory host: which waiting instances an event resumes.</summary>
public sealed class EventDeliveryTests
{
    private const string WaitForGo = """
        {
          "definitionId": "wait-go", "version": 1,
          "root": {
            "type": "Elsa.Flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "wait", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "end", "type": "Elsa.Finish" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task PublishEvent_Correlated_ResumesOnlyTheInstanceWithThatCorrelation()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(WaitForGo));
        var a = (await harness.Runtime.StartAsync("wait-go", new StartRequest { CorrelationId = "a" })).State.Id;
        var b = (await harness.Runtime.StartAsync("wait-go", new StartRequest { CorrelationId = "b" })).State.Id;

        Assert.Empty(await harness.Runtime.PublishEventAsync("other", "a", null));
        Assert.Equal([a], await harness.Runtime.PublishEventAsync("go", "a", "payload"));
        Assert.Empty(await harness.Runtime.PublishEventAsync("go", "a", null));

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(a)!.SubStatus);
        Assert.Equal("payload", harness.Runtime.GetInstance(a)!.ActivityOutputs["wait"]);
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(b)!.SubStatus);
    }

    [Fact]
    public async Task PublishEvent_Uncorrelated_ResumesEveryWaitingInstanceButNotCancelledOnes()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(WaitForGo));
        var a = (await harness.Runtime.StartAsync("wait-go", new StartRequest { CorrelationId = "a" })).State.Id;
        var b = (await harness.Runtime.StartAsync("wait-go", new StartRequest())).State.Id;
        var c = (await harness.Runtime.StartAsync("wait-go", new StartRequest { CorrelationId = "c" })).State.Id;
        await harness.Runtime.CancelAsync(c);

        var touched = await harness.Runtime.PublishEventAsync("go", null, null);

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), touched.Order(StringComparer.Ordinal));
        Assert.Empty(await harness.Runtime.PublishEventAsync("go", null, null));
        Assert.Equal(WorkflowSubStatus.Cancelled, harness.Runtime.GetInstance(c)!.SubStatus);
    }
}
