using System.Diagnostics;
using System.Net;
using KitchenWorkflows.Testing;

namespace KitchenWorkflows.Benchmarks;

/// <summary>
/// <c>--loops K</c> (with <c>--mode http-execute</c>): while the cases are measured, K executes of a loop without a wait
/// (two WriteLines in a cycle) run one after another, each to the execution cap (10,000) and its fault. What they cost
/// the cases shows as the cases' p99 beside a run without <c>--loops</c>; how long each loop takes is printed too.
/// </summary>
internal static class LoopsAlongside
{
    private const string DefinitionId = "bench-loop";

    public static async Task PublishAsync(HttpClient http)
    {
        var definition = FlowBuilder.LoopWithoutAWait(DefinitionId).Json;
        using var saved = await http.PostAsync("/api/workflow-definitions", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        using var published = await http.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", content: null);
        if (saved.StatusCode != HttpStatusCode.Created || published.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Publishing {DefinitionId} failed: save {(int)saved.StatusCode}, publish {(int)published.StatusCode}");
        }
    }

    /// <summary>Runs the loops one after another; the seconds each took to answer.</summary>
    public static async Task<double[]> RunAsync(HttpClient http, int loops)
    {
        var seconds = new double[loops];
        for (var i = 0; i < loops; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"/api/workflow-definitions/{DefinitionId}/execute", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains("\"subStatus\":\"Faulted\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The loop answered {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }

            seconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        return seconds;
    }
}
