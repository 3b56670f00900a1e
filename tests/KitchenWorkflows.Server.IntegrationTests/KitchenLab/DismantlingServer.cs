using System.Globalization;
using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>A server whose escalation notices go to a real SMTP listener on 127.0.0.1.</summary>
public abstract class DismantlingServer(StorageProvider provider) : ServerFixture(provider)
{
    public const string EscalationEmail = "dismantling-escalations@haieronline.ru";

    internal SmtpStandIn Smtp { get; } = new();

    protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
    {
        Settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:UseTls"] = "false",
            ["Smtp:From"] = "Haier Kitchen Lab <kitchen-lab@haieronline.ru>",
            ["KitchenLab:Dismantling:EscalationEmail"] = EscalationEmail,
        },
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteDismantlingServer() : DismantlingServer(StorageProvider.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlDismantlingServer() : DismantlingServer(StorageProvider.PostgreSql), IPostgreSqlFixture;
