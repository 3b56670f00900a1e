using System.Net;
using System.Text.Json.Nodes;
using static KitchenWorkflows.Server.IntegrationTests.Composition.ChildWorkflowDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Composition;

/// <summary>
/// Elsa.ExecuteWorkflow and Elsa.DispatchWorkflow through the API: each child a real instance with its parent's id, found
/// with <c>?parentId=</c>; a child's fault is the parent's incident; cancelling a parent cancels its running children.
/// </summary>
public abstract class ChildWorkflowTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task ElsaParentWithInput_TheChildWritesWhatTheParentPassed_AndIsListedUnderItsParent()
    {
        // Elsa's ExecuteWorkflowTests: child first, then the parent that names it by definition id.
        var childId = NewId("child-with-input");
        var parentId = NewId("parent-with-input");
        await SaveAsync(LoadWorkflow("elsa-execute-workflow-child-with-input.json", childId).Replace("child-with-input", childId, StringComparison.Ordinal));
        await PublishAsync(childId);
        await SaveAsync(LoadWorkflow("elsa-execute-workflow-parent-with-input.json", parentId)
            .Replace("parent-with-input", parentId, StringComparison.Ordinal).Replace("child-with-input", childId, StringComparison.Ordinal));
        await PublishAsync(parentId);

        var parent = await ExecuteAsync(parentId);

        Assert.Equal("Finished", (string?)parent["subStatus"]);
        var parentInstanceId = (string)parent["workflowInstanceId"]!;
        var children = (await ListInstancesAsync($"parentId={parentInstanceId}"))["items"]!.AsArray();
        var child = Assert.Single(children)!.AsObject();
        Assert.Equal(childId, (string?)child["definitionId"]);
        Assert.Equal(parentInstanceId, (string?)child["parentId"]);
        Assert.Equal("Finished", (string?)child["subStatus"]);
        var lines = (await GetJournalAsync((string)child["workflowInstanceId"]!)).Select(e => (string?)e!["message"]).ToList();
        Assert.Contains("Child received: Hello from parent", lines);
        Assert.Equal(parentInstanceId, (string?)(await GetInstanceAsync((string)child["workflowInstanceId"]!))["parentId"]);
    }

    [ProviderFact]
    public async Task ElsaParentCaptureOutput_TheResultBoundToAVariable_CarriesTheChildsOutput()
    {
        // Elsa's ExecuteWorkflowTests: the activity's result is bound to the variable ChildResult (an output binding).
        var childId = NewId("child-with-output");
        var parentId = NewId("parent-capture-output");
        await SaveAsync(LoadWorkflow("elsa-execute-workflow-child-with-output.json", childId).Replace("child-with-output", childId, StringComparison.Ordinal));
        await PublishAsync(childId);
        await SaveAsync(LoadWorkflow("elsa-execute-workflow-parent-capture-output.json", parentId)
            .Replace("parent-capture-output", parentId, StringComparison.Ordinal).Replace("child-with-output", childId, StringComparison.Ordinal));
        await PublishAsync(parentId);

        var parent = await ExecuteAsync(parentId);

        Assert.Equal("Finished", (string?)parent["subStatus"]);
        var child = Assert.Single((await ListInstancesAsync($"parentId={parent["workflowInstanceId"]}"))["items"]!.AsArray())!;
        Assert.Contains("Child output: 42", (await GetJournalAsync((string)child["workflowInstanceId"]!)).Select(e => (string?)e!["message"]));
        Assert.Contains("Parent received: 42", (await GetJournalAsync((string)parent["workflowInstanceId"]!)).Select(e => (string?)e!["message"]));
    }

    [ProviderFact]
    public async Task ExecuteWorkflow_ChildWaits_ParentWaitsAndGetsElsasResultWhenTheChildEnds()
    {
        var eventName = NewId("go");
        var childId = NewId("child");
        var parentId = NewId("parent");
        await DeployJsonAsync(WaitingChild(childId, eventName));
        await DeployJsonAsync(Parent(parentId, childId, wait: true));

        var parent = await ExecuteAsync(parentId);
        Assert.Equal("Suspended", (string?)parent["subStatus"]);
        var childInstanceId = await SingleChildAsync((string)parent["workflowInstanceId"]!);

        // An event of the wait's name cannot stand in for the child's end.
        Assert.Empty(await PublishEventAsync("KitchenWorkflows.ChildWorkflowEnded", new { correlationId = childInstanceId, payload = new { output = "forged" } }));
        Assert.Equal([childInstanceId], await PublishEventAsync(eventName));

        var finished = await WaitForInstanceAsync((string)parent["workflowInstanceId"]!, i => HasSubStatus(i, "Finished"));
        var result = finished["output"]!["child"]!;
        Assert.Equal(childInstanceId, (string?)result["workflowInstanceId"]);
        Assert.Equal("Finished", (string?)result["subStatus"]);
        Assert.Equal("42", (string?)result["output"]!["Answer"]);
    }

    [ProviderFact]
    public async Task ExecuteWorkflow_ChildFaults_TheParentHasTheChildsMessageAsItsIncident()
    {
        var childId = NewId("child");
        var parentId = NewId("parent");
        await DeployJsonAsync(FaultingChild(childId, "Гарантийный талон не найден"));
        await DeployJsonAsync(Parent(parentId, childId, wait: true));

        var parent = await ExecuteAsync(parentId);

        Assert.Equal("Faulted", (string?)parent["subStatus"]);
        var incident = Assert.Single(parent["incidents"]!.AsArray())!;
        Assert.Equal("run", (string?)incident["activityId"]);
        Assert.Equal("Гарантийный талон не найден", (string?)incident["message"]);
        Assert.Equal("Faulted", (string?)(await GetInstanceAsync(await SingleChildAsync((string)parent["workflowInstanceId"]!)))["subStatus"]);
    }

    [ProviderFact]
    public async Task Cancel_Parent_CancelsItsRunningChild()
    {
        var childId = NewId("child");
        var parentId = NewId("parent");
        await DeployJsonAsync(WaitingChild(childId, NewId("never")));
        await DeployJsonAsync(Parent(parentId, childId, wait: true));
        var parentInstanceId = (string)(await ExecuteAsync(parentId))["workflowInstanceId"]!;
        var childInstanceId = await SingleChildAsync(parentInstanceId);

        var response = await Client.PostAsync($"/api/workflow-instances/{parentInstanceId}/cancel", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cancelled", (string?)(await GetInstanceAsync(parentInstanceId))["subStatus"]);
        Assert.Equal("Cancelled", (string?)(await GetInstanceAsync(childInstanceId))["subStatus"]);
    }

    [ProviderFact]
    public async Task DispatchWorkflow_FireAndForget_TheParentGoesOnAndTheWorkersRunTheChild()
    {
        var eventName = NewId("go");
        var childId = NewId("child");
        var parentId = NewId("parent");
        await DeployJsonAsync(WaitingChild(childId, eventName));
        await DeployJsonAsync(Parent(parentId, childId, wait: false, activityType: "Elsa.DispatchWorkflow"));

        var parent = await ExecuteAsync(parentId);

        Assert.Equal("Finished", (string?)parent["subStatus"]);
        var childInstanceId = await SingleChildAsync((string)parent["workflowInstanceId"]!);
        await WaitForInstanceAsync(childInstanceId, i => HasSubStatus(i, "Suspended"));
        await PublishEventAsync(eventName);
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(childInstanceId))["subStatus"]);
    }

    [ProviderFact]
    public async Task DispatchWorkflow_Waiting_TheResultIsTheChildsOutput()
    {
        var eventName = NewId("go");
        var childId = NewId("child");
        var parentId = NewId("parent");
        await DeployJsonAsync(WaitingChild(childId, eventName));
        await DeployJsonAsync(Parent(parentId, childId, wait: true, activityType: "Elsa.DispatchWorkflow"));
        var parentInstanceId = (string)(await ExecuteAsync(parentId))["workflowInstanceId"]!;
        var childInstanceId = await SingleChildAsync(parentInstanceId);
        await WaitForInstanceAsync(childInstanceId, i => HasSubStatus(i, "Suspended"));

        await PublishEventAsync(eventName);

        var parent = await WaitForInstanceAsync(parentInstanceId, i => HasSubStatus(i, "Finished"));
        Assert.Equal("42", (string?)parent["output"]!["child"]!["Answer"]);
    }

    [ProviderFact]
    public async Task Save_ExecuteWorkflowOfAnUnknownOrUnpublishedChild_Is400AtItsPath()
    {
        var draftId = NewId("draft");
        await SaveAsync(FaultingChild(draftId, "never published"));

        foreach (var childId in new[] { NewId("nowhere"), draftId })
        {
            var response = await Client.PostAsync("/api/workflow-definitions", Json(Parent(NewId("parent"), childId, wait: true)));
            Assert.Equal(["$.root.activities[1].workflowDefinitionId"], await AssertValidationProblemAsync(response));
        }
    }

    [ProviderFact]
    public async Task Publish_AChildCycle_Is400_AndANewChildVersionKeepsItsConsumerRunning()
    {
        var a = NewId("a");
        var b = NewId("b");
        await DeployJsonAsync(FaultingChild(a, "a v1"));
        await DeployJsonAsync(Parent(b, a, wait: false));

        // a v2 runs b, which runs a: saved as a draft, refused at publish.
        await SaveAsync(Parent(a, b, wait: false));
        var refused = await Client.PostAsync($"/api/workflow-definitions/{a}/publish", content: null);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        var message = Assert.Single((JsonArray)problem["errors"]!["$.root.activities[1].workflowDefinitionId"]!)!.ToString();
        Assert.Contains($"{a} → {b} → {a}", message, StringComparison.Ordinal);

        // Itself, directly.
        var self = NewId("self");
        var selfResponse = await Client.PostAsync("/api/workflow-definitions", Json(Parent(self, self, wait: false)));
        Assert.Equal(["$.root.activities[1].workflowDefinitionId"], await AssertValidationProblemAsync(selfResponse));

        // A new version of b's child, published: b still runs, now with it.
        await SaveAsync(WaitingChild(a, NewId("later")));
        await PublishAsync(a);
        var parent = await ExecuteAsync(b);
        Assert.Equal("Finished", (string?)parent["subStatus"]);
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(await SingleChildAsync((string)parent["workflowInstanceId"]!)))["subStatus"]);
    }

    private async Task DeployJsonAsync(string json)
    {
        var saved = await SaveAsync(json);
        await PublishAsync((string)saved["definitionId"]!);
    }

    private async Task<string> SingleChildAsync(string parentInstanceId) =>
        (string)Assert.Single((await ListInstancesAsync($"parentId={parentInstanceId}"))["items"]!.AsArray())!["workflowInstanceId"]!;

    public sealed class Sqlite(SqliteServer server) : ChildWorkflowTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ChildWorkflowTests(server), IClassFixture<PostgreSqlServer>;
}
