using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests;

/// <summary>
/// What the API tests share: the client of their class's server, the test workflows under
/// <c>Workflows/</c> with fresh ids and event names, and assertions on RFC 7807 problems.
/// </summary>
public abstract class ApiTestBase(ServerFixture server)
{
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    /// <summary>A client that calls as the server's admin key.</summary>
    protected HttpClient Client { get; } = server.CreateClient();

    /// <summary>Creates an API key through the admin API (body as <c>POST /api/admin/api-keys</c> takes it) and returns the plain key.</summary>
    protected async Task<string> CreateKeyAsync(object request)
    {
        var response = await Client.PostAsJsonAsync("/api/admin/api-keys", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a key: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)(await ReadObjectAsync(response))["key"]!;
    }

    /// <summary>This class's server.</summary>
    protected ServerFactory Factory => server.Factory;

    /// <summary>A client of this class's server that sends <paramref name="apiKey"/> (null: no key at all).</summary>
    protected HttpClient ClientWithKey(string? apiKey) => server.Factory.CreateClient(apiKey);

    /// <summary>An id no other test uses, so tests sharing a server never see each other's data.</summary>
    protected static string NewId(string prefix) => $"it-{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 16)];

    /// <summary>A test workflow with its placeholders (<c>__ID__</c>, <c>__EVENT__</c>, <c>__LABEL__</c>) filled in.</summary>
    internal static string LoadWorkflow(string file, string definitionId, string? eventName = null, string? label = null) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", file))
            .Replace("__ID__", definitionId, StringComparison.Ordinal)
            .Replace("__EVENT__", eventName ?? "unused-event", StringComparison.Ordinal)
            .Replace("__LABEL__", label ?? "v1", StringComparison.Ordinal);

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected async Task<JsonObject> SaveAsync(string json)
    {
        var response = await Client.PostAsync("/api/workflow-definitions", Json(json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    protected async Task<JsonObject> PublishAsync(string definitionId)
    {
        var response = await Client.PostAsync($"/api/workflow-definitions/{definitionId}/publish", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    /// <summary>Saves and publishes a test workflow under a fresh id, and returns the id.</summary>
    protected async Task<string> DeployAsync(string file, string? eventName = null, string? label = null)
    {
        var definitionId = NewId(Path.GetFileNameWithoutExtension(file));
        await SaveAsync(LoadWorkflow(file, definitionId, eventName, label));
        await PublishAsync(definitionId);
        return definitionId;
    }

    protected async Task<JsonObject> ExecuteAsync(string definitionId, object? body = null)
    {
        var response = await Client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", body ?? new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    protected async Task<JsonObject> GetInstanceAsync(string instanceId)
    {
        var response = await Client.GetAsync($"/api/workflow-instances/{instanceId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    protected async Task<JsonArray> GetJournalAsync(string instanceId)
    {
        var response = await Client.GetAsync($"/api/workflow-instances/{instanceId}/journal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    protected async Task<JsonObject> ListInstancesAsync(string query)
    {
        var response = await Client.GetAsync($"/api/workflow-instances?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    protected async Task<int> CountInstancesAsync(string definitionId) =>
        (int)(await ListInstancesAsync($"definitionId={definitionId}"))["totalCount"]!;

    protected async Task<List<string>> PublishEventAsync(string eventName, object? body = null)
    {
        var response = await Client.PostAsJsonAsync($"/api/events/{eventName}", body ?? new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids((await ReadObjectAsync(response))["workflowInstanceIds"]);
    }

    /// <summary>Polls an instance until it satisfies <paramref name="done"/>; fails at the deadline with its last state.</summary>
    protected async Task<JsonObject> WaitForInstanceAsync(string instanceId, Func<JsonObject, bool> done, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            var instance = await GetInstanceAsync(instanceId);
            if (done(instance))
            {
                return instance;
            }

            Assert.True(DateTime.UtcNow < until, $"Instance {instanceId} did not get there in time; last seen: {instance.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    protected static bool HasSubStatus(JsonObject instance, string subStatus) => (string?)instance["subStatus"] == subStatus;

    protected static List<string> Ids(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    protected static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>
    /// Asserts an RFC 7807 answer with the status, and that it leaks no stack trace; returns the problem.
    /// </summary>
    protected static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n   at ", body, StringComparison.Ordinal);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }

    /// <summary>The keys of a validation problem's <c>errors</c>.</summary>
    protected static async Task<List<string>> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = Assert.IsType<JsonObject>(problem["errors"]);
        Assert.NotEmpty(errors);
        return [.. errors.Select(e => e.Key)];
    }

    /// <summary>Runs something hostile and checks that the server is still ready and no definition or instance changed.</summary>
    protected async Task AssertUnchangedAsync(Func<Task> hostile)
    {
        var before = await SnapshotAsync();

        await hostile();

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    // Every definition with its versions and last change, and how many instances there are.
    private async Task<(string Definitions, int Instances)> SnapshotAsync() =>
        (await Client.GetStringAsync("/api/workflow-definitions"), (int)(await ListInstancesAsync("pageSize=1"))["totalCount"]!);
}
