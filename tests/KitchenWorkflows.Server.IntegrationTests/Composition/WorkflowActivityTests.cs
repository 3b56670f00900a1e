using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Persistence.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Composition;

/// <summary>
/// Published definitions with <c>options.usableAsActivity</c> as activity types, named as Elsa names them: listed in the
/// activity descriptors (category "Workflows") and found by the server's <see cref="IWorkflowActivitySource"/> with
/// Elsa's version choice.
/// </summary>
public abstract class WorkflowActivityTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Descriptors_ListPublishedWorkflowsUsableAsActivities_WithTheirInputsOutputsAndOutcomes()
    {
        var suffix = "x" + Guid.NewGuid().ToString("N")[..8];
        await DeployElsaChildAsync($"Child with output {suffix}");
        var draft = ElsaChild(NewId("draft"), $"Draft child {suffix}");
        await SaveAsync(draft);
        var ported = ChildWorkflowDefinitions.WaitingChild(NewId("ported"), "unused", $"ported_child {suffix}",
            """, "options": { "usableAsActivity": true, "activityCategory": "Kitchen" }, "outcomes": ["Success", "Failure"]""");
        await SaveAsync(ported);
        await PublishAsync((string)JsonNode.Parse(ported)!["definitionId"]!);

        var descriptors = (await Client.GetFromJsonAsync<JsonArray>("/api/activity-descriptors"))!.Select(d => d!.AsObject()).ToList();

        var described = Assert.Single(descriptors, d => (string?)d["typeName"] == "ChildWithOutput" + char.ToUpperInvariant(suffix[0]) + suffix[1..]);
        Assert.Equal("Workflows", (string?)described["category"]);
        Assert.Equal($"Child with output {suffix}", (string?)described["displayName"]);
        Assert.Equal(["Done"], described["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(["Output"], described["outputs"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.Empty(described["inputs"]!.AsArray());
        Assert.Equal(1, (int)described["version"]!);
        var withPorts = Assert.Single(descriptors, d => (string?)d["typeName"] == "PortedChild" + char.ToUpperInvariant(suffix[0]) + suffix[1..]);
        Assert.Equal("Kitchen", (string?)withPorts["category"]);
        Assert.Equal(["Success", "Failure"], withPorts["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(["Message"], withPorts["inputs"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.DoesNotContain(descriptors, d => ((string?)d["typeName"])!.StartsWith("DraftChild", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task Find_APinnedVersionRuns_AndTheLatestPublishedWhenThePinIsGone()
    {
        var name = "Pinned child x" + Guid.NewGuid().ToString("N")[..8];
        var typeName = "PinnedChildX" + name[^8..];
        var v1 = await DeployElsaChildAsync(name);
        var definitionId = (string)v1["definitionId"]!;
        await SaveAsync(ElsaChild(definitionId, name));
        var v2 = await PublishAsync(definitionId);
        var source = Factory.Services.GetRequiredService<IWorkflowActivitySource>();

        var pinned = source.Find(Node(typeName, (string)v1["id"]!));
        var unpinned = source.Find(Node(typeName, "24dd11bc73a881d5"));

        Assert.Equal((definitionId, 1), (pinned!.DefinitionId, pinned.Version));
        Assert.Equal((definitionId, (int)v2["version"]!), (unpinned!.DefinitionId, unpinned.Version));
        Assert.Null(source.Find(Node("NoSuchWorkflow" + name[^8..], null)));
    }

    [ProviderFact]
    public async Task Save_ANodeOfAnUnknownWorkflowType_Is400AtItsType()
    {
        var json = ChildWorkflowDefinitions.WaitingChild(NewId("consumer"), "unused").Replace("\"Elsa.Event\"", "\"NoSuchWorkflowUsedAsActivity\"", StringComparison.Ordinal);

        var response = await Client.PostAsync("/api/workflow-definitions", Json(json));

        Assert.Contains("$.root.activities[1].type", await AssertValidationProblemAsync(response));
    }

    [ProviderFact]
    public async Task ElsasParentWithOutput_RunsItsChildAsAnActivity_AndWritesWhatTheChildSet()
    {
        // Elsa's two files, the child under a name (so a type) and the parent under an id of their own on this shared server.
        var name = "Child with output x" + Guid.NewGuid().ToString("N")[..8];
        await DeployElsaChildAsync(name);
        var parentId = NewId("parent-with-output");
        await SaveAsync(LoadWorkflow("elsa-parent-with-output.json", parentId)
            .Replace("\"parent-with-output\"", $"\"{parentId}\"", StringComparison.Ordinal)
            .Replace("\"type\": \"ChildWithOutput\"", $"\"type\": \"ChildWithOutputX{name[^8..]}\"", StringComparison.Ordinal));
        await PublishAsync(parentId);

        var run = await ExecuteAsync(parentId);

        Assert.Equal("Finished", (string?)run["subStatus"]);
        var journal = (await Client.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{run["workflowInstanceId"]}/journal"))!;
        Assert.Contains("Received from child: Child output value", journal.Select(e => (string?)e!["message"]));
    }

    [ProviderFact]
    public async Task ImportFolder_AConsumerWhoseFileSortsBeforeItsChild_ImportsTheChildFirstAndTheConsumerRuns()
    {
        var name = "Imported child x" + Guid.NewGuid().ToString("N")[..8];
        var childId = NewId("imported-child");
        var parentId = NewId("imported-parent");
        var folder = Directory.CreateTempSubdirectory("kw-import-").FullName;
        try
        {
            // File-name order alone would import the consumer first, and refuse it: its child is not published yet.
            await File.WriteAllTextAsync(Path.Combine(folder, "a-parent.json"), LoadWorkflow("elsa-parent-with-output.json", parentId)
                .Replace("\"parent-with-output\"", $"\"{parentId}\"", StringComparison.Ordinal)
                .Replace("\"type\": \"ChildWithOutput\"", $"\"type\": \"ImportedChildX{name[^8..]}\"", StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(folder, "b-child.json"), ElsaChild(childId, name));

            var imported = await Factory.Services.GetRequiredService<WorkflowDefinitionStore>().ImportFolderAsync(folder);
            var run = await ExecuteAsync(parentId);

            Assert.Equal([childId, parentId], imported);
            Assert.Equal("Finished", (string?)run["subStatus"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<JsonObject> DeployElsaChildAsync(string name)
    {
        var saved = await SaveAsync(ElsaChild(NewId("child-with-output"), name));
        return await PublishAsync((string)saved["definitionId"]!);
    }

    // Elsa's child-with-output under a fresh id and name.
    private static string ElsaChild(string definitionId, string name) =>
        LoadWorkflow("elsa-child-with-output.json", definitionId)
            .Replace("\"5781ed56ea4b160\"", $"\"{definitionId}\"", StringComparison.Ordinal)
            .Replace("\"ChildWithOutput\"", $"\"{name}\"", StringComparison.Ordinal);

    private static ActivityNode Node(string type, string? versionId)
    {
        var node = new ActivityNode { Id = "child1", Type = type };
        if (versionId is not null)
        {
            node.Extensions["workflowDefinitionVersionId"] = versionId;
        }

        return node;
    }

    public sealed class Sqlite(SqliteServer server) : WorkflowActivityTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : WorkflowActivityTests(server), IClassFixture<PostgreSqlServer>;
}
