using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Testing;

namespace KitchenWorkflows.Studio.Api;

/// <summary>
/// The Studio's only way to the server: the public HTTP API, as every other client uses it.
/// Problem-details answers become a <see cref="StudioApiException"/>.
/// </summary>
public sealed class StudioApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync<List<DefinitionSummary>>(await http.GetAsync("api/workflow-definitions", cancellationToken), cancellationToken);

    /// <summary>A version of a definition: <c>latest</c>, <c>published</c> or a number.</summary>
    public async Task<WorkflowDefinition> GetDefinitionAsync(string definitionId, string version = "latest", CancellationToken cancellationToken = default)
    {
        var response = await http.GetAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}?version={Uri.EscapeDataString(version)}", cancellationToken);
        return WorkflowDefinitionSerializer.Deserialize(await ReadAsync<JsonObject>(response, cancellationToken));
    }

    /// <summary>The version numbers a definition has, newest first.</summary>
    public async Task<IReadOnlyList<int>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync<List<DefinitionVersion>>(await http.GetAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/versions", cancellationToken), cancellationToken)).Select(v => v.Version)];

    /// <summary>The latest version's JSON exactly as the API answers it, for an export.</summary>
    public async Task<string> ExportDefinitionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}?version=latest", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Saves the definition as the draft; invalid definitions throw with every error by JSON path.</summary>
    public async Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        // Serialized by the engine's writer so the body is exactly the Elsa format, with Russian text as UTF-8.
        using var content = new StringContent(WorkflowDefinitionSerializer.Serialize(definition), Encoding.UTF8, "application/json");
        var response = await http.PostAsync("api/workflow-definitions", content, cancellationToken);
        return WorkflowDefinitionSerializer.Deserialize(await ReadAsync<JsonObject>(response, cancellationToken));
    }

    public async Task<WorkflowDefinition> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var response = await http.PostAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/publish", null, cancellationToken);
        return WorkflowDefinitionSerializer.Deserialize(await ReadAsync<JsonObject>(response, cancellationToken));
    }

    /// <summary>Retracts the published version: nothing new starts until a version is published again.</summary>
    public async Task<WorkflowDefinition> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var response = await http.PostAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/retract", null, cancellationToken);
        return WorkflowDefinitionSerializer.Deserialize(await ReadAsync<JsonObject>(response, cancellationToken));
    }

    /// <summary>
    /// Starts an instance of the published version (or of <paramref name="version"/>) and runs it until it finishes or waits;
    /// a <paramref name="dryRun"/> records its outside calls instead of making them.
    /// </summary>
    public async Task<InstanceSummary> ExecuteAsync(string definitionId, JsonObject? input, string? correlationId, int? version = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["input"] = input?.DeepClone(), ["correlationId"] = correlationId, ["dryRun"] = dryRun };
        var query = version is { } number ? $"?version={number}" : "";
        var response = await http.PostAsJsonAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/execute{query}", body, Json, cancellationToken);
        return await ReadAsync<InstanceSummary>(response, cancellationToken);
    }

    /// <summary>Runs a version once as a test run in memory (nothing stored, nothing sent) and answers what it came to.</summary>
    public async Task<TestRunOutcome> TestRunAsync(string definitionId, int version, JsonObject? input, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["input"] = input?.DeepClone() };
        var response = await http.PostAsJsonAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/test-run?version={version}", body, Json, cancellationToken);
        return await ReadAsync<TestRunOutcome>(response, cancellationToken, WorkflowStateSerializer.Options);
    }

    /// <summary>Runs the test cases of a version and answers how each fared.</summary>
    public async Task<IReadOnlyList<TestCaseResult>> RunTestCasesAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var response = await http.PostAsync($"api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/test-cases/run?version={version}", null, cancellationToken);
        return await ReadAsync<List<TestCaseResult>>(response, cancellationToken, WorkflowStateSerializer.Options);
    }

    /// <summary>Why an expression does not compile, as saving would say; null when it compiles.</summary>
    public async Task<string?> CheckExpressionAsync(string syntax, string expression, CancellationToken cancellationToken = default) =>
        (await ReadAsync<ExpressionCheck>(await http.PostAsJsonAsync("api/expressions/check", new { syntax, expression }, Json, cancellationToken), cancellationToken)).Error;

    public async Task<IReadOnlyList<ActivityTypeInfo>> ListActivityTypesAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync<List<ActivityTypeInfo>>(await http.GetAsync("api/activity-descriptors", cancellationToken), cancellationToken);

    public async Task<PagedResult<InstanceListItem>> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = new List<string> { $"page={query.Page}", $"pageSize={query.PageSize}" };
        AddParameter(parameters, "definitionId", query.DefinitionId);
        AddParameter(parameters, "status", query.Status);
        AddParameter(parameters, "subStatus", query.SubStatus);
        AddParameter(parameters, "correlationId", query.CorrelationId);
        var response = await http.GetAsync("api/workflow-instances?" + string.Join('&', parameters), cancellationToken);
        return await ReadAsync<PagedResult<InstanceListItem>>(response, cancellationToken);
    }

    public async Task<InstanceSummary> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await ReadAsync<InstanceSummary>(await http.GetAsync($"api/workflow-instances/{Uri.EscapeDataString(instanceId)}", cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<JournalEntryInfo>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await ReadAsync<List<JournalEntryInfo>>(await http.GetAsync($"api/workflow-instances/{Uri.EscapeDataString(instanceId)}/journal", cancellationToken), cancellationToken);

    public async Task<InstanceSummary> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await ReadAsync<InstanceSummary>(await http.PostAsync($"api/workflow-instances/{Uri.EscapeDataString(instanceId)}/cancel", null, cancellationToken), cancellationToken);

    public async Task<InstanceSummary> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await ReadAsync<InstanceSummary>(await http.PostAsync($"api/workflow-instances/{Uri.EscapeDataString(instanceId)}/retry", null, cancellationToken), cancellationToken);

    /// <summary>Submits a bulk cancel, retry or delete (<paramref name="operation"/>); the server runs it in the background.</summary>
    public async Task<BulkPlanInfo> SubmitBulkOperationAsync(string operation, BulkTarget target, CancellationToken cancellationToken = default)
    {
        var filter = target.Filter is { } query
            ? new { query.DefinitionId, query.Status, query.SubStatus, query.CorrelationId }
            : null;
        var body = new { operation, instanceIds = target.InstanceIds, filter };
        return await ReadAsync<BulkPlanInfo>(await http.PostAsJsonAsync("api/bulk-operations", body, Json, cancellationToken), cancellationToken);
    }

    public async Task<BulkPlanInfo> GetBulkOperationAsync(string planId, CancellationToken cancellationToken = default) =>
        await ReadAsync<BulkPlanInfo>(await http.GetAsync($"api/bulk-operations/{Uri.EscapeDataString(planId)}", cancellationToken), cancellationToken);

    /// <summary>Publishes an event; answers the ids of the instances it resumed or started.</summary>
    public async Task<IReadOnlyList<string>> PublishEventAsync(string eventName, string? correlationId, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["correlationId"] = correlationId, ["payload"] = payload?.DeepClone() };
        var response = await http.PostAsJsonAsync($"api/events/{Uri.EscapeDataString(eventName)}", body, Json, cancellationToken);
        var answer = await ReadAsync<JsonObject>(response, cancellationToken);
        return answer["workflowInstanceIds"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
    }

    private static void AddParameter(List<string> parameters, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parameters.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
    }

    // Engine records (test outcomes) read with the engine's options: enums by name, plain values for their objects.
    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken, JsonSerializerOptions? options = null)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ToExceptionAsync(response, cancellationToken);
            }

            return await response.Content.ReadFromJsonAsync<T>(options ?? Json, cancellationToken)
                ?? throw new StudioApiException((int)response.StatusCode, "The server answered with an empty body.", new Dictionary<string, string[]>());
        }
    }

    private static async Task<StudioApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var problem = JsonNode.Parse(text) as JsonObject;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (problem?["errors"] is JsonObject byPath)
            {
                foreach (var (path, messages) in byPath)
                {
                    errors[path] = messages is JsonArray list ? [.. list.Select(m => m?.ToString() ?? "")] : [messages?.ToString() ?? ""];
                }
            }

            var title = problem?["title"]?.ToString();
            var detail = problem?["detail"]?.ToString();
            return new StudioApiException(status, string.Join(" ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } message ? message : $"HTTP {status}", errors)
            {
                FailedTestCases = problem?["testCases"]?.Deserialize<List<FailedTestCase>>(WorkflowStateSerializer.Options) ?? [],
            };
        }
        catch (JsonException)
        {
            return new StudioApiException(status, $"HTTP {status}", new Dictionary<string, string[]>());
        }
    }
}
