using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static KitchenWorkflows.Server.IntegrationTests.Hostile.HostileDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>
/// Hostile and malformed input against the real server on a real socket: each is answered with its exact 4xx and the
/// field or JSON path at fault (or, for what only running can reveal, a faulted instance with an incident), and
/// afterwards the server is ready and the store unchanged.
/// </summary>
public sealed class HostileInputTests(HostileServer server) : ApiTestBase(server), IClassFixture<HostileServer>
{
    private const string Definitions = "/api/workflow-definitions";

    // ------------------------------------------------------------------ malformed bodies

    [Theory]
    [InlineData("{ \"definitionId\": \"x\", \"root\": ", "$")]
    [InlineData("{ \"definitionId\": \"x\", \"root\": { \"type\": \"Elsa.Flowchart\", \"activities\": \"none\" } }", "$.root.activities")]
    [InlineData("{ \"definitionId\": 42, \"root\": { \"type\": \"Elsa.Flowchart\" } }", "$.definitionId")]
    [InlineData("{ \"definitionId\": \"x\" }", "$.root")]
    public async Task Save_BrokenJsonWrongTypesOrMissingRoot_Is400AtThePath(string body, string path)
    {
        await AssertUnchangedAsync(async () =>
        {
            var keys = await AssertValidationProblemAsync(await Client.PostAsync(Definitions, Json(body)));

            Assert.Contains(keys, k => k.StartsWith(path, StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("{ \"input\": ", "$")]
    [InlineData("{ \"input\": \"text\" }", "$.input")]
    [InlineData("{ \"correlationId\": { \"nested\": true } }", "$.correlationId")]
    [InlineData("[1, 2, 3]", "$")]
    public async Task Execute_BrokenJsonOrWrongTypes_Is400AtThePath(string body, string path)
    {
        await AssertUnchangedAsync(async () =>
        {
            var keys = await AssertValidationProblemAsync(await Client.PostAsync($"{Definitions}/contact-scheme-phone/execute", Json(body)));

            Assert.Contains(keys, k => k.StartsWith(path, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Event_WrongTypeOfCorrelationId_Is400AtThePath()
    {
        await AssertUnchangedAsync(async () =>
        {
            var keys = await AssertValidationProblemAsync(await Client.PostAsync("/api/events/claim-reviewed", Json("{ \"correlationId\": [1] }")));

            Assert.Contains(keys, k => k.StartsWith("$.correlationId", StringComparison.Ordinal));
        });
    }

    // ------------------------------------------------------------------ size and depth

    [Theory]
    [InlineData(Definitions)]
    [InlineData(Definitions + "/contact-scheme-phone/execute")]
    [InlineData("/api/events/claim-reviewed")]
    public async Task AnyBody_OverTheRequestLimit_Is413(string path)
    {
        var huge = "{\"input\": {\"text\": \"" + new string('x', 5 * 1024 * 1024) + "\"}}";

        await AssertUnchangedAsync(async () =>
        {
            // As a careful client sends a large body: the server refuses it by its length before a byte of it is sent.
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(huge) };
            request.Headers.ExpectContinue = true;
            var problem = await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

            Assert.Equal("The request body is too large.", (string?)problem["title"]);
            Assert.Contains("Limits:MaxRequestBodyBytes", (string?)problem["detail"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Execute_InputNestedDeeperThanTheLimit_Is400AtThePath()
    {
        await AssertUnchangedAsync(async () =>
        {
            var keys = await AssertValidationProblemAsync(await Client.PostAsync($"{Definitions}/contact-scheme-phone/execute", Json("{\"input\": " + Nested(100) + "}")));

            Assert.Contains(keys, k => k.StartsWith("$.input", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Save_DefinitionNestedDeeperThanTheLimit_Is400()
    {
        var body = "{\"definitionId\": \"deep\", \"metadata\": " + Nested(100) + "}";

        await AssertUnchangedAsync(async () => Assert.Equal(["$"], await AssertValidationProblemAsync(await Client.PostAsync(Definitions, Json(body)))));
    }

    [Fact]
    public async Task Save_MoreActivitiesThanTheLimit_Is400OnTheActivities()
    {
        var definition = WriteLines(NewId("many"), HostileServer.MaxActivities);

        await AssertUnchangedAsync(async () =>
            Assert.Equal(["$.root.activities"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync(Definitions, definition))));
    }

    [Fact]
    public async Task Save_ScriptLongerThanTheLimit_Is400OnTheScript()
    {
        var definition = Script(NewId("long"), "let x = 1;\n" + string.Concat(Enumerable.Repeat("x = x + 1;\n", HostileServer.MaxExpressionLength / 10)));

        await AssertUnchangedAsync(async () =>
            Assert.Equal(["$.root.activities[1].script.expression.value"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync(Definitions, definition))));
    }

    // ------------------------------------------------------------------ scripts

    [Fact]
    public async Task Save_ScriptThatDoesNotCompile_Is400OnTheScript()
    {
        await AssertUnchangedAsync(async () =>
            Assert.Equal(["$.root.activities[1].script.expression.value"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync(Definitions, Script(NewId("syntax"), "while (true {")))));
    }

    [Theory]
    [InlineData("while (true) { }", "timed out")]
    [InlineData("let s = 'x'; while (true) { s += s; }", "allocated")]
    [InlineData("function f() { return f(); } f()", "recursion")]
    [InlineData("let o = {}; for (let i = 0; i < 40000; i++) o = { o }; JSON.stringify(o)", "call stack")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')", "importNamespace is not defined")]
    [InlineData("System.Environment.Exit(1)", "System is not defined")]
    [InlineData("clr.System.Diagnostics.Process.Start('sh')", "clr is not defined")]
    [InlineData("Function('return this')().importNamespace('System')", "String compilation has been disabled")]
    [InlineData("getVariable.constructor.constructor('return process')()", "String compilation has been disabled")]
    public async Task Execute_HostileScript_FaultsTheInstanceWithAnIncidentAndTheServerStaysReady(string script, string message)
    {
        var id = NewId("script");
        await SaveAsync(Script(id, script).ToJsonString());
        await PublishAsync(id);
        var clock = Stopwatch.StartNew();

        var instance = await ExecuteAsync(id);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal("Faulted", (string?)instance["subStatus"]);
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Equal("script", (string?)incident["activityId"]);
        Assert.Contains(message, (string?)incident["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    // ------------------------------------------------------------------ unknown ids and bad queries

    [Theory]
    [InlineData("GET", "/api/workflow-instances/no-such-instance")]
    [InlineData("GET", "/api/workflow-instances/no-such-instance/journal")]
    [InlineData("POST", "/api/workflow-instances/no-such-instance/cancel")]
    [InlineData("POST", "/api/workflow-instances/no-such-instance/retry")]
    [InlineData("GET", Definitions + "/no-such-definition")]
    [InlineData("POST", Definitions + "/no-such-definition/publish")]
    [InlineData("POST", Definitions + "/no-such-definition/execute")]
    [InlineData("POST", Definitions + "/no-such-definition/dispatch")]
    public async Task UnknownId_Is404(string method, string path)
    {
        await AssertUnchangedAsync(async () =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json("{}") : null };

            await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound);
        });
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("pageSize=1e3", "pageSize")]
    [InlineData("status=Exploded", "status")]
    [InlineData("subStatus=Gone", "subStatus")]
    [InlineData("tag=novalue", "tag")]
    public async Task ListInstances_BadQueryValue_Is400OnThatField(string query, string field)
    {
        await AssertUnchangedAsync(async () =>
            Assert.Equal([field], await AssertValidationProblemAsync(await Client.GetAsync($"/api/workflow-instances?{query}"))));
    }

    [Theory]
    [InlineData("version=0")]
    [InlineData("version=abc")]
    public async Task Execute_BadVersion_Is400OnVersion(string query)
    {
        await AssertUnchangedAsync(async () =>
            Assert.Equal(["version"], await AssertValidationProblemAsync(await Client.PostAsync($"{Definitions}/contact-scheme-phone/execute?{query}", Json("{}")))));
    }

    // ------------------------------------------------------------------ SSRF

    [Fact]
    public async Task Execute_RequestToTheMetadataAddress_FaultsWithoutRetryOnTheAddressCheck()
    {
        var id = NewId("metadata");
        await SaveAsync(HttpRequest(id, "http://169.254.169.254/latest/meta-data/iam/").ToJsonString());
        await PublishAsync(id);

        var instance = await ExecuteAsync(id);

        Assert.Equal("Faulted", (string?)instance["subStatus"]);
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Contains("resolves to 169.254.169.254", (string?)incident["message"], StringComparison.Ordinal);
        Assert.Equal(1, (int)incident["attempts"]!);
    }

    [Fact]
    public async Task Execute_RequestToAHostNotAllowed_FaultsAndTheHostReceivesNothing()
    {
        await using var listener = new SmsGatewayStandIn();
        await listener.StartAsync();
        var id = NewId("host");
        await SaveAsync(HttpRequest(id, new Uri(listener.BaseUrl, "messages").ToString()).ToJsonString());
        await PublishAsync(id);

        var instance = await ExecuteAsync(id);

        Assert.Equal("Faulted", (string?)instance["subStatus"]);
        Assert.Contains("Http:AllowedHosts", (string?)Assert.Single(instance["incidents"]!.AsArray())!["message"], StringComparison.Ordinal);
        Assert.Empty(listener.Requests);
    }
}
