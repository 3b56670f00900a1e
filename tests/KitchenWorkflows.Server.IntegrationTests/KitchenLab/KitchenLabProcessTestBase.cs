using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>What the process tests share: starting the shipped workflows over the API and reading what the stand-ins received.</summary>
[Collection(KitchenLabCollection.Name)]
public abstract class KitchenLabProcessTestBase(KitchenLabServer server) : ApiTestBase(server)
{
    protected KitchenLabServer Server { get; } = server;

    /// <summary><c>POST …/execute</c> with an <c>Idempotency-Key</c>; returns the instance summary.</summary>
    protected async Task<JsonObject> ExecuteWithKeyAsync(string definitionId, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflow-definitions/{definitionId}/execute") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    /// <summary><c>POST …/dispatch</c>; returns the queued instance's id.</summary>
    protected async Task<string> DispatchAsync(string definitionId, object body)
    {
        var response = await Client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/dispatch", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await ReadObjectAsync(response))["workflowInstanceId"]!;
    }

    /// <summary>
    /// What a stand-in received from one instance, in order: the engine's idempotency keys are
    /// <c>instance:activity:execution</c>, so the key says which instance sent a request.
    /// </summary>
    internal static List<RecordedRequest> SentBy(StandInServer standIn, string instanceId) =>
        [.. standIn.Requests.Where(r => r.Header("Idempotency-Key")?.StartsWith(instanceId + ":", StringComparison.Ordinal) == true)];

    protected static string InstanceId(JsonObject summary) => (string)summary["workflowInstanceId"]!;

    protected static JsonNode? Output(JsonObject summary, string name) => summary["output"]![name];

    /// <summary>The body's properties with their values as JSON text, sorted by name, so an assertion shows everything that was sent.</summary>
    internal static SortedDictionary<string, string> Body(RecordedRequest request) => new(request.JsonProperties().ToDictionary(), StringComparer.Ordinal);

    protected static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The whole body of the Usedesk update that turns a client's ticket into an official claim.</summary>
    protected static SortedDictionary<string, string> ClaimMarkBody(long ticketId) => new(StringComparer.Ordinal)
    {
        ["api_token"] = JsonText(UsedeskStandIn.ApiToken),
        ["channel_id"] = Invariant(KitchenLabServer.KitchenLabChannelId),
        ["field_id"] = Invariant(KitchenLabServer.CategoryFieldId),
        ["field_value"] = JsonText("Официальная претензия"),
        ["group_id"] = Invariant(KitchenLabServer.ReclamationsGroupId),
        ["ticket_id"] = Invariant(ticketId),
        ["user_id"] = Invariant(KitchenLabServer.AgentUserId),
    };

    /// <summary>A string as the Kitchen Lab clients write it in JSON: quoted, with Cyrillic as is.</summary>
    protected static string JsonText(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
