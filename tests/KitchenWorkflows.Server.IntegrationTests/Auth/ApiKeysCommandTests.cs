using System.Diagnostics;
using System.Net;
using KitchenWorkflows.Server.IntegrationTests.Crash;
using KitchenWorkflows.Server.IntegrationTests.Startup;
using Microsoft.Data.Sqlite;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>
/// The server's <c>keys</c> command run as a real process against a real SQLite file: create (the key printed once, only
/// a hash stored), list, revoke; a server running on the same file accepts the key and, once the CLI revoked it, refuses it
/// within its cache period, as another node would.
/// </summary>
public sealed class ApiKeysCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kw-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Keys_CreateListRevoke_WorkOnTheStoreAndARunningServerFollows()
    {
        var created = await RunAsync("keys", "create", "--role", "api-client", "--name", "CRM integration", "--definitions", "contact-scheme-phone,claim-intake");
        Assert.True(created.ExitCode == 0, created.StandardError);
        var key = created.StandardOutput.Split('\n')[0].Trim();
        Assert.Matches("^kw_[a-z0-9]{12}_[A-Za-z0-9]{40}$", key);
        var id = key.Split('_')[1];
        Assert.Contains("only its hash is stored", created.StandardOutput, StringComparison.Ordinal);

        var listed = await RunAsync("keys", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains($"{id} \"CRM integration\" role=api-client definitions=contact-scheme-phone,claim-intake active", listed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, CountRowsContaining(id));
        Assert.Equal(0, CountRowsContaining(key[(id.Length + 4)..]));

        using var server = new ServerProcess([], new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = _data,
            ["Auth__CacheDuration"] = "00:00:01",
        });
        await server.StartAsync(TimeSpan.FromSeconds(90));
        using var client = TestKeys.Client(server.BaseAddress, key);
        var check = new { handoverDate = "2024-03-01", claimDate = "2026-11-24", itemCategory = "cabinet", cause = "manufacturing-defect" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("api/kitchen-lab/warranty-check", System.Net.Http.Json.JsonContent.Create(check))).StatusCode);

        var revoked = await RunAsync("keys", "revoke", id);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains($"Revoked {id}", revoked.StandardOutput, StringComparison.Ordinal);
        var until = Stopwatch.StartNew();
        while ((await client.PostAsync("api/kitchen-lab/warranty-check", System.Net.Http.Json.JsonContent.Create(check))).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(until.Elapsed < TimeSpan.FromSeconds(20), "The running server still accepts the revoked key.");
            await Task.Delay(200);
        }

        Assert.Contains($"{id} \"CRM integration\" role=api-client definitions=contact-scheme-phone,claim-intake revoked", (await RunAsync("keys", "list")).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_BadArguments_ExitNonZeroWithTheReason()
    {
        var usage = await RunAsync("keys");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("keys create --role", usage.StandardError, StringComparison.Ordinal);

        var invalid = await RunAsync("keys", "create", "--role", "service-centre", "--name", "ASC 77");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("serviceCentreId: A service-centre key names its centre", invalid.StandardError, StringComparison.Ordinal);

        var missing = await RunAsync("keys", "revoke", "nosuchkey");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No API key 'nosuchkey'", missing.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private int CountRowsContaining(string text)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "kitchenworkflows.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ApiKeys WHERE instr(Id || Name || Role || ifnull(AllowedDefinitionIds, '') || Salt || Hash || CreatedBy, $text) > 0";
        command.Parameters.AddWithValue("$text", text);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<ServerRun.Result> RunAsync(params string[] args) => ServerRun.RunAsync(args, new Dictionary<string, string>
    {
        ["Storage__DataDirectory"] = _data,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    }, TimeSpan.FromMinutes(2));
}
