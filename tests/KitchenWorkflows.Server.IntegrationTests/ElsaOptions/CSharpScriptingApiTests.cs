using System.Net;
using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaOptions;

/// <summary>A definition with C# in it, on a server with C# off (the default) and on one that turns it on.</summary>
public sealed class CSharpScriptingApiTests
{
    private const string Definition = """
        {
          "definitionId": "__ID__",
          "name": "C# (__LABEL__)",
          "variables": [ { "name": "Counter", "typeName": "Int32", "value": "41" } ],
          "root": {
            "id": "flowchart",
            "type": "Elsa.Flowchart",
            "activities": [
              { "id": "run", "type": "Elsa.RunCSharp", "script": { "typeName": "String", "expression": { "type": "Literal", "value": "Variables.Counter += 1;" } } },
              { "id": "write", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "CSharp", "value": "$\"Counter is {Variables.Counter}\"" } } }
            ],
            "connections": [ { "source": { "activity": "run", "port": "Done" }, "target": { "activity": "write", "port": "In" } } ]
          }
        }
        """;

    private static string WithId(string definitionId) => Definition.Replace("__ID__", definitionId, StringComparison.Ordinal);

    public sealed class TurnedOff(SqliteServer server) : ApiTestBase(server), IClassFixture<SqliteServer>
    {
        [Fact]
        public async Task Save_DefinitionUsingCSharp_Is400AtEachUse()
        {
            var response = await Client.PostAsync("/api/workflow-definitions", Json(WithId(NewId("csharp"))));

            var paths = await AssertValidationProblemAsync(response);
            Assert.Equal(["$.root.activities[0].script.expression.value", "$.root.activities[1].text.expression.value"], paths.Order(StringComparer.Ordinal));
        }
    }

    public sealed class TurnedOn(CSharpServer server) : ApiTestBase(server), IClassFixture<CSharpServer>
    {
        [Fact]
        public async Task Execute_DefinitionUsingCSharp_RunsIt()
        {
            var id = NewId("csharp");
            await SaveAsync(WithId(id));
            await PublishAsync(id);

            var instance = await ExecuteAsync(id);
            var journal = await GetJournalAsync((string)instance["workflowInstanceId"]!);

            Assert.Equal("Finished", (string?)instance["subStatus"]);
            Assert.Contains(journal, e => (string?)e!["message"] == "Counter is 42");
        }

        [Fact]
        public async Task Save_CSharpThatDoesNotCompile_Is400AtItsPath()
        {
            var json = WithId(NewId("csharp")).Replace("Variables.Counter += 1;", "Variables.Nobody = 1;", StringComparison.Ordinal);

            var response = await Client.PostAsync("/api/workflow-definitions", Json(json));

            Assert.Equal(["$.root.activities[0].script.expression.value"], await AssertValidationProblemAsync(response));
        }
    }
}

/// <summary>A server whose configuration turns C# on (<c>Scripts:CSharp:Enabled</c>).</summary>
public sealed class CSharpServer() : ServerFixture(StorageProvider.Sqlite)
{
    protected override ServerFactory CreateFactory(StorageProvider provider) =>
        new(provider) { Settings = new Dictionary<string, string?> { ["Scripts:CSharp:Enabled"] = "true" } };
}
