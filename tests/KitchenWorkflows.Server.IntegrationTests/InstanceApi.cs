using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests;

/// <summary>
/// The HTTP calls the process tests (crash, multi-node) make against a server they started themselves:
/// dispatch many instances under idempotency keys, count and list them, and check their journals.
/// </summary>
internal static class InstanceApi
{
    private const int PageSize = 500;

    /// <summary>
    /// Dispatches every key (8 at a time) and records key → instance id. Without <paramref name="retryUntil"/>
    /// a failed call (the server was killed) is left out; with it, it is repeated until it succeeds or 30 s passed.
    /// An answer other than 202 fails with its body and <paramref name="serverLogs"/>, which name the server's reason.
    /// </summary>
    public static Task DispatchAsync(HttpClient api, string definitionId, IEnumerable<string> keys, object body, ConcurrentDictionary<string, string> ids, Stopwatch? retryUntil, Func<string>? serverLogs = null) =>
        Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, cancellationToken) =>
        {
            while (true)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflow-definitions/{definitionId}/dispatch") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await api.SendAsync(request, cancellationToken);
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                        Assert.Fail($"Dispatch of {key} answered {(int)response.StatusCode}: {problem}\n{serverLogs?.Invoke()}");
                    }

                    var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
                    ids[key] = (string)answer!["workflowInstanceId"]!;
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    if (retryUntil is null)
                    {
                        return;
                    }

                    if (retryUntil.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        throw;
                    }

                    await Task.Delay(100, cancellationToken);
                }
            }
        });

    public static async Task<int> CountAsync(HttpClient api, string definitionId, string subStatus)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}&subStatus={subStatus}&pageSize=1");
        return (int)page!["totalCount"]!;
    }

    /// <summary>Every instance of a definition, page by page.</summary>
    public static async Task<List<JsonObject>> ListAsync(HttpClient api, string definitionId)
    {
        var all = new List<JsonObject>();
        for (var number = 1; ; number++)
        {
            var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}&pageSize={PageSize}&page={number}");
            var items = page!["items"]!.AsArray();
            all.AddRange(items.Select(i => i!.AsObject()));
            if (items.Count < PageSize)
            {
                return all;
            }
        }
    }

    /// <summary>"Finished: 990, Suspended: 10", for failure messages.</summary>
    public static async Task<string> StatesAsync(HttpClient api, string definitionId) =>
        string.Join(", ", (await ListAsync(api, definitionId)).GroupBy(i => (string?)i["subStatus"]).Select(g => $"{g.Key}: {g.Count()}"));

    /// <summary>
    /// Each listed activity completed exactly that many times in each instance's journal: a second
    /// completion would mean a run was applied twice.
    /// </summary>
    public static async Task AssertJournalsAsync(HttpClient api, IEnumerable<string> instanceIds, params (string ActivityId, int Completions)[] expected)
    {
        var journals = new ConcurrentDictionary<string, JsonArray>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(instanceIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, cancellationToken) =>
            journals[id] = (await api.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal", cancellationToken))!);
        Assert.All(journals, pair =>
        {
            foreach (var (activityId, completions) in expected)
            {
                var completed = pair.Value.Count(e => (string?)e!["activityId"] == activityId && (string?)e["status"] == "Completed");
                Assert.True(completed == completions, $"Instance {pair.Key}: {activityId} completed {completed} times, expected {completions}.\n{pair.Value.ToJsonString()}");
            }
        });
    }
}
