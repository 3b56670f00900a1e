using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Publishing;

/// <summary>
/// The server as the Dockerfile ships it: <c>ops/publish.sh</c> (the Dockerfile's publish command), then the
/// published build started in Production, where static assets come from the publish output.
/// </summary>
public sealed class PublishedServerTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "kw-publish-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Publish_StartedInProduction_ServesTheApiTheStudiosAndTheirAssets()
    {
        await PublishAsync(_output);
        using var server = new ServerProcess(
            [],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Workflows__Folder"] = Path.Combine(_output, "workflows"),
            },
            Path.Combine(_output, "KitchenWorkflows.Server.dll"));
        await server.StartAsync(TimeSpan.FromSeconds(90));
        using var http = server.CreateClient();

        var run = await http.PostAsJsonAsync("api/workflow-definitions/contact-scheme-phone/execute", new { input = new { callerKind = "potential" } });
        var summary = await run.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("Finished", (string?)summary!["subStatus"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("studio")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("_framework/blazor.web.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("_content/MudBlazor/MudBlazor.min.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("openapi/v1.json")).StatusCode);

        // In Production nobody gets in without a key or a sign-in: the Studio sends a browser to the sign-in page.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var studio = await anonymous.GetAsync("studio");
        Assert.Equal(HttpStatusCode.Redirect, studio.StatusCode);
        Assert.Equal("/signin", studio.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("signin")).StatusCode);
        // Elsa Studio: its page too; the npm package's files, which the publish carries, are public.
        Assert.Equal("/signin", (await anonymous.GetAsync("elsa-studio")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("elsa-studio/_framework/blazor.webassembly.js")).StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("ops/publish.sh");
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"ops/publish.sh failed:\n{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KitchenWorkflows.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (KitchenWorkflows.sln) was not found above the test output.");
    }
}
