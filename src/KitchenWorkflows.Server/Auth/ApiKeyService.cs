using System.Security.Claims;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// Creates, lists, revokes and verifies API keys. Verification results (good and bad) are cached for
/// <see cref="AuthOptions.CacheDuration"/>; any change on this node clears the cache, so a revocation holds here at once
/// and on other nodes within that time.
/// </summary>
internal sealed class ApiKeyService
{
    private const int MaxNameLength = 200;
    private const int MaxIdLength = 100;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly ExpiringCache<ClaimsPrincipal?> _verified;

    public ApiKeyService(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider clock, IOptionsMonitor<AuthOptions> options)
    {
        _contexts = contexts;
        _clock = clock;
        _verified = new ExpiringCache<ClaimsPrincipal?>(clock, () => options.CurrentValue.CacheDuration);
    }

    /// <summary>Checks a request: its errors by field, none when it is valid.</summary>
    public static Dictionary<string, string[]> Validate(CreateApiKeyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxNameLength)
        {
            errors["name"] = [$"Give the key a name of 1 to {MaxNameLength} characters."];
        }

        if (request.Role is null || !Roles.All.Contains(request.Role, StringComparer.Ordinal))
        {
            errors["role"] = [$"Use one of {string.Join(", ", Roles.All)}."];
            return errors;
        }

        var centre = request.ServiceCentreId?.Trim();
        if (request.Role == Roles.ServiceCentre && (string.IsNullOrEmpty(centre) || centre.Length > MaxIdLength))
        {
            errors["serviceCentreId"] = [$"A service-centre key names its centre (1 to {MaxIdLength} characters)."];
        }
        else if (request.Role != Roles.ServiceCentre && !string.IsNullOrEmpty(centre))
        {
            errors["serviceCentreId"] = ["Only a service-centre key names a service centre."];
        }

        var definitions = request.DefinitionIds ?? [];
        if (request.Role == Roles.ApiClient)
        {
            if (definitions.Count == 0)
            {
                errors["definitionIds"] = ["An api-client key names at least one definition it may start."];
            }

            for (var i = 0; i < definitions.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(definitions[i]) || definitions[i]!.Trim().Length > MaxIdLength || definitions[i]!.Contains(',', StringComparison.Ordinal))
                {
                    errors[$"definitionIds[{i}]"] = [$"A definition id is 1 to {MaxIdLength} characters without commas."];
                }
            }
        }
        else if (definitions.Count > 0)
        {
            errors["definitionIds"] = ["Only an api-client key is limited to definitions."];
        }

        return errors;
    }

    /// <summary>Creates a key (the request must be valid); the plain key is in the answer and nowhere else.</summary>
    public async Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var (id, secret, key) = ApiKeyFormat.Generate();
        var record = await StoreAsync(id, secret, request, actor, cancellationToken);
        return new CreatedApiKey(key, ApiKeyInfo.From(record));
    }

    /// <summary>Creates the configured bootstrap admin key unless a key with its id exists (revoked or not).</summary>
    public async Task EnsureBootstrapKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyFormat.TryParse(key, out var id, out var secret))
        {
            throw new InvalidOperationException("Auth:BootstrapAdminKey must have the form kw_<id>_<secret>: an id of 4 to 32 lower-case letters, digits or '-', and a secret of at least 32 letters, digits, '-' or '_'.");
        }

        await using (var db = _contexts.CreateDbContext())
        {
            if (await db.ApiKeys.AnyAsync(k => k.Id == id, cancellationToken))
            {
                return;
            }
        }

        await StoreAsync(id, secret, new CreateApiKeyRequest("bootstrap admin (Auth:BootstrapAdminKey)", Roles.Admin, null, null), AuditActor.System, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var records = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ApiKeyInfo.From)];
    }

    /// <summary>Revokes a key; revoking a revoked key changes nothing. Null when there is no such key.</summary>
    public async Task<ApiKeyInfo?> RevokeAsync(string id, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var record = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RevokedAt is null)
        {
            record.RevokedAt = _clock.GetUtcNow();
            record.RevokedBy = actor.Name;
            AuditLog.Add(db, record.RevokedAt.Value, actor, AuditActions.ApiKeyRevoke, AuditActions.ApiKey, id, details: record.Name);
            await db.SaveChangesAsync(cancellationToken);
            _verified.Clear();
        }

        return ApiKeyInfo.From(record);
    }

    /// <summary>The caller a presented key stands for; null for a malformed, unknown, wrong or revoked key.</summary>
    public async Task<ClaimsPrincipal?> VerifyAsync(string presented, CancellationToken cancellationToken = default)
    {
        var fingerprint = ApiKeyFormat.Fingerprint(presented);
        if (_verified.TryGet(fingerprint, out var cached))
        {
            return cached;
        }

        ClaimsPrincipal? principal = null;
        if (ApiKeyFormat.TryParse(presented, out var id, out var secret))
        {
            await using var db = _contexts.CreateDbContext();
            var record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (record is { RevokedAt: null } && ApiKeyFormat.Verify(secret, record.Salt, record.Hash))
            {
                principal = ToPrincipal(record);
            }
        }

        _verified.Set(fingerprint, principal);
        return principal;
    }

    internal static IReadOnlyList<string> SplitDefinitions(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',');

    private async Task<ApiKeyRecord> StoreAsync(string id, string secret, CreateApiKeyRequest request, AuditActor actor, CancellationToken cancellationToken)
    {
        var (salt, hash) = ApiKeyFormat.HashSecret(secret);
        var definitions = (request.DefinitionIds ?? []).Select(d => d!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var record = new ApiKeyRecord
        {
            Id = id,
            Name = request.Name!.Trim(),
            Role = request.Role!,
            ServiceCentreId = request.Role == Roles.ServiceCentre ? request.ServiceCentreId!.Trim() : null,
            AllowedDefinitionIds = definitions.Count > 0 ? string.Join(',', definitions) : null,
            Salt = salt,
            Hash = hash,
            CreatedAt = _clock.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        await using var db = _contexts.CreateDbContext();
        db.ApiKeys.Add(record);
        var scope = record.ServiceCentreId is { } centre ? $", centre {centre}" : record.AllowedDefinitionIds is { } allowed ? $", definitions {allowed}" : "";
        AuditLog.Add(db, record.CreatedAt, actor, AuditActions.ApiKeyCreate, AuditActions.ApiKey, id, details: $"{record.Name} ({record.Role}{scope})");
        await db.SaveChangesAsync(cancellationToken);
        _verified.Clear();
        return record;
    }

    private static ClaimsPrincipal ToPrincipal(ApiKeyRecord record)
    {
        var more = new List<Claim>();
        if (record.ServiceCentreId is { } centre)
        {
            more.Add(new Claim(CallerClaims.ServiceCentre, centre));
        }

        more.AddRange(SplitDefinitions(record.AllowedDefinitionIds).Select(d => new Claim(CallerClaims.Definition, d)));
        return CallerClaims.Create(AuthSchemes.ApiKey, $"key:{record.Id} ({record.Name})", CallerClaims.ApiKeyKind, [record.Role], more);
    }
}
