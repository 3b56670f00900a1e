using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Server.IntegrationTests.Startup;

namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>
/// The server on a disk that fills up: a start answers 503 with Retry-After and the cause (never 409 for a fresh
/// idempotency key, never 500), readiness says Unhealthy while writes fail and Healthy once there is room, and the
/// same requests sent again then succeed once each. A start on a full or read-only disk ends with one line.
/// </summary>
public sealed class StorageFaultTests
{
    private const string Execute = "/api/workflow-definitions/crash-delay/execute";

    [FullDiskFact]
    public async Task Start_WhileTheDiskIsFull_Is503WithTheCause_AndGoesThroughOnceThereIsRoom()
    {
        using var disk = FullDisk.Mount();
        using var server = new ServerProcess(["crash-delay.json"], new Dictionary<string, string> { ["Storage__DataDirectory"] = Path.Combine(disk.Path, "data") });
        await server.StartAsync(TimeSpan.FromSeconds(90));
        using var client = server.CreateClient(TimeSpan.FromSeconds(30));
        disk.Fill();

        // The first starts may still fit in pages the database already has; the disk is full long before the last.
        var answers = new List<(string Key, HttpResponseMessage Response)>();
        for (var i = 0; i < 150; i++)
        {
            answers.Add(($"full-{i}", await StartAsync(client, $"full-{i}")));
        }

        var other = answers.Where(a => a.Response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(other.Count == 0, string.Join('\n', other.Select(a => $"{a.Key}: {(int)a.Response.StatusCode} {a.Response.Content.ReadAsStringAsync().Result}")));
        var refused = answers.Where(a => a.Response.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal("30", refused[^1].Response.Headers.RetryAfter?.ToString());
        var problem = (await refused[^1].Response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("The request was not completed: the disk holding the SQLite database is full. Send it again later.", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await StartAsync(client, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        disk.MakeRoom();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        foreach (var (key, _) in refused)
        {
            var again = await StartAsync(client, key);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var first = (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["workflowInstanceId"];
            var replay = (string?)(await (await StartAsync(client, key)).Content.ReadFromJsonAsync<JsonObject>())!["workflowInstanceId"];
            Assert.Equal(first, replay);
        }
    }

    [FullDiskFact]
    public async Task ServerStart_OnAFullDisk_EndsWithOneLine()
    {
        using var disk = FullDisk.Mount();
        disk.Fill();

        var run = await ServerRun.UntilExitAsync(new Dictionary<string, string> { ["Storage__DataDirectory"] = Path.Combine(disk.Path, "data") }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("disk is full or read-only", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [FullDiskFact]
    public async Task ServerStart_OnAReadOnlyDisk_EndsWithOneLine()
    {
        using var disk = FullDisk.Mount(readOnly: true);

        var run = await ServerRun.UntilExitAsync(new Dictionary<string, string> { ["Storage__DataDirectory"] = Path.Combine(disk.Path, "data") }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("full or read-only", line, StringComparison.Ordinal);
        Assert.DoesNotContain("in use by another", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Execute) { Content = JsonContent.Create(new { }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }
}
