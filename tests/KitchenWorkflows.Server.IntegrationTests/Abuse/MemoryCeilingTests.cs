using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static KitchenWorkflows.Server.IntegrationTests.Hostile.HostileDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>
/// The server in a 1 GB heap (<c>DOTNET_GCHeapHardLimit</c>) runs every hostile script and template, several at once,
/// and each ends as a faulted instance with an incident while the server keeps answering: no evaluation can take more
/// than its own limits, whatever it asks for. Before, one Liquid range grew the server to 24 GB.
/// </summary>
public sealed class MemoryCeilingTests(MemoryCeilingTests.CeilingServer server) : IClassFixture<MemoryCeilingTests.CeilingServer>
{
    /// <summary>One server for every case: a case that took it down fails itself and the ones after it.</summary>
    public sealed class CeilingServer : IAsyncLifetime
    {
        internal ServerProcess Process { get; } = new([], new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x40000000" });

        public Task InitializeAsync() => Process.StartAsync(TimeSpan.FromSeconds(90));

        public Task DisposeAsync()
        {
            Process.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string, JsonObject> Hostile => new()
    {
        { "js-string-doubling", Script("ceiling-js-1", "let s = 'x'; while (true) { s += s; }") },
        { "js-array-of-strings", Script("ceiling-js-2", "const a = []; while (true) { a.push('x'.repeat(100000) + a.length); }") },
        { "js-huge-array", Script("ceiling-js-3", "new Array(1e9).fill(1).length") },
        { "js-deep-object", Script("ceiling-js-4", "let o = {}; for (let i = 0; i < 1e7; i++) o = { o }; JSON.stringify(o)") },
        { "liquid-range", Template("ceiling-liquid-1", "{% for i in (1..1000000000) %}x{% endfor %}") },
        { "liquid-doubling", Template("ceiling-liquid-2", "{% assign s = 'x' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s }}") },
        { "liquid-kept-strings", Template("ceiling-liquid-3",
            "{% assign big = '' %}{% for i in (1..16) %}{% assign big = big | append: 'xxxxxxxx' | append: big %}{% endfor %}" +
            "{% assign kept = '' | split: ',' %}{% for i in (1..100000) %}{% assign one = big | append: i | split: '#' %}{% assign kept = kept | concat: one %}{% endfor %}") },
        { "liquid-split", Template("ceiling-liquid-4", "{% assign s = 'x,' %}{% for i in (1..24) %}{% assign s = s | append: s %}{% endfor %}{{ s | split: ',' | size }}") },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Execute_HostileEvaluationInA1GbHeap_FaultsTheInstanceAndTheServerGoesOn(string name, JsonObject definition)
    {
        using var client = server.Process.CreateClient(TimeSpan.FromSeconds(60));
        var id = (string)definition["definitionId"]!;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/workflow-definitions", definition)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).StatusCode);

        // Four at once: each evaluation is bounded on its own, so together they stay far below the heap.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new JsonObject())));

        foreach (var run in runs)
        {
            Assert.True(run.StatusCode == HttpStatusCode.OK, $"{name}: {(int)run.StatusCode} {await run.Content.ReadAsStringAsync()}\n{server.Process.LogTail()}");
            var instance = (await run.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Faulted", (string?)instance["subStatus"]);
            Assert.Single(instance["incidents"]!.AsArray());
        }

        Assert.True(server.Process.IsRunning, name + ": the server ended\n" + server.Process.LogTail());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static JsonObject Template(string definitionId, string template) => Chain(definitionId, new JsonObject
    {
        ["id"] = "template",
        ["type"] = "Elsa.WriteLine",
        ["version"] = 1,
        ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = template } },
    });
}
