using System.Globalization;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Server.Extensions;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// The server's <c>keys</c> command: create, list and revoke API keys in the configured store (the same settings as the
/// server: appsettings, <c>Storage__*</c> environment variables), then exit without starting the web host. It migrates
/// the store first, so it works on a fresh folder too. The audit log names the operating-system user.
/// </summary>
internal static class ApiKeysCommand
{
    private const string Usage = """
        Usage:
          keys create --role <admin|designer|operator|service-centre|api-client> --name <name> [--service-centre <id>] [--definitions <id,id,…>]
          keys list
          keys revoke <id>
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] is not ("create" or "list" or "revoke"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.AddServerServices();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var actor = new AuditActor($"cli:{Environment.UserName}", "cli");
        return args[1] switch
        {
            "create" => await CreateAsync(keys, actor, args[2..]),
            "list" => await ListAsync(keys),
            _ => await RevokeAsync(keys, actor, args[2..]),
        };
    }

    private static async Task<int> CreateAsync(ApiKeyService keys, AuditActor actor, string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            options[args[i][2..]] = args[i + 1];
        }

        var request = new CreateApiKeyRequest(
            options.GetValueOrDefault("name"),
            options.GetValueOrDefault("role"),
            options.GetValueOrDefault("service-centre"),
            options.TryGetValue("definitions", out var definitions) ? definitions.Split(',', StringSplitOptions.TrimEntries) : null);
        var errors = ApiKeyService.Validate(request);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
            {
                await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }

        var created = await keys.CreateAsync(request, actor);
        // The key alone on the first line, so a script can take it with `head -1`; it is shown this once.
        Console.WriteLine(created.Key);
        Console.WriteLine($"Created {Describe(created.ApiKey)}. Keep the key now: only its hash is stored.");
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyService keys)
    {
        foreach (var key in await keys.ListAsync())
        {
            Console.WriteLine(Describe(key));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyService keys, AuditActor actor, string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var revoked = await keys.RevokeAsync(args[0], actor);
        if (revoked is null)
        {
            await Console.Error.WriteLineAsync($"No API key '{args[0]}'.");
            return 1;
        }

        Console.WriteLine($"Revoked {Describe(revoked)}.");
        return 0;
    }

    private static string Describe(ApiKeyInfo key)
    {
        var scope = key.ServiceCentreId is { } centre ? $" centre={centre}" : key.DefinitionIds.Count > 0 ? $" definitions={string.Join(',', key.DefinitionIds)}" : "";
        var state = key.RevokedAt is { } revoked ? $" revoked {revoked.ToString("u", CultureInfo.InvariantCulture)} by {key.RevokedBy}" : " active";
        return $"{key.Id} \"{key.Name}\" role={key.Role}{scope}{state} (created {key.CreatedAt.ToString("u", CultureInfo.InvariantCulture)} by {key.CreatedBy})";
    }
}
