using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>
/// A server that behaves as outside Development (<c>Auth:RequireSignInInDevelopment</c>): the Studio, the dashboard, the
/// API page and the metrics ask for sign-in too. Optionally with more settings (the first admin, say).
/// </summary>
public abstract class SignInRequiredServer(StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null) : ServerFixture(provider)
{
    protected override ServerFactory CreateFactory(StorageProvider provider)
    {
        var all = new Dictionary<string, string?> { ["Auth:RequireSignInInDevelopment"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ServerFactory(provider) { Settings = all };
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSignInRequiredServer() : SignInRequiredServer(StorageProvider.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlSignInRequiredServer() : SignInRequiredServer(StorageProvider.PostgreSql), IPostgreSqlFixture;

/// <summary>The first admin account the servers below create from configuration (<c>Auth:InitialAdmin</c>).</summary>
public static class FirstAdmin
{
    public const string UserName = "first-admin";
    public const string Password = "Первый-вход-2026!";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Auth:InitialAdmin:UserName"] = UserName,
        ["Auth:InitialAdmin:Password"] = Password,
    };
}

/// <summary>Sign-in required, with the first admin, on SQLite.</summary>
public sealed class SqliteFirstAdminServer() : SignInRequiredServer(StorageProvider.Sqlite, FirstAdmin.Settings);

/// <summary>Sign-in required, with the first admin, on PostgreSQL.</summary>
public sealed class PostgreSqlFirstAdminServer() : SignInRequiredServer(StorageProvider.PostgreSql, FirstAdmin.Settings), IPostgreSqlFixture;
