using System.Security.Claims;
using System.Text.RegularExpressions;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// Local accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted),
/// the first admin from configuration, and the check every request of a signed-in user makes that the account is still
/// enabled and what its roles are now (cached for <see cref="AuthOptions.CacheDuration"/>).
/// </summary>
internal sealed partial class AccountService
{
    private const int MinPasswordLength = 12;
    private const int MaxPasswordLength = 200;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly PasswordHasher<AccountRecord> _hasher = new();
    private readonly ExpiringCache<AccountInfo?> _active;

    // Hashed once, so that a sign-in with an unknown user name costs what a wrong password costs.
    private readonly Lazy<string> _dummyHash;

    public AccountService(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider clock, IOptionsMonitor<AuthOptions> options)
    {
        _contexts = contexts;
        _clock = clock;
        _active = new ExpiringCache<AccountInfo?>(clock, () => options.CurrentValue.CacheDuration);
        _dummyHash = new(() => _hasher.HashPassword(null!, Guid.NewGuid().ToString()));
    }

    public static Dictionary<string, string[]> Validate(CreateAccountRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.UserName is null || !UserNamePattern().IsMatch(request.UserName))
        {
            errors["userName"] = ["A user name is 2 to 100 letters, digits, '.', '_', '-' or '@'."];
        }

        ValidatePassword(request.Password, errors, required: true);
        ValidateRoles(request.Roles, errors);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(UpdateAccountRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is { Roles: null, IsDisabled: null, Password: null })
        {
            errors["$"] = ["Give roles, isDisabled or password to change."];
        }

        ValidatePassword(request.Password, errors, required: false);
        if (request.Roles is not null)
        {
            ValidateRoles(request.Roles, errors);
        }

        return errors;
    }

    /// <summary>Creates an account (the request must be valid); null when the user name is taken.</summary>
    public async Task<AccountInfo?> CreateAsync(CreateAccountRequest request, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var roles = NormalizeRoles(request.Roles);
        var record = new AccountRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            UserName = request.UserName!,
            NormalizedUserName = Normalize(request.UserName!),
            PasswordHash = "",
            Roles = roles,
            CreatedAt = now,
            UpdatedAt = now,
        };
        record.PasswordHash = _hasher.HashPassword(record, request.Password!);
        await using var db = _contexts.CreateDbContext();
        if (await db.Accounts.AnyAsync(a => a.NormalizedUserName == record.NormalizedUserName, cancellationToken))
        {
            return null;
        }

        db.Accounts.Add(record);
        AuditLog.Add(db, now, actor, AuditActions.AccountCreate, AuditActions.Account, record.UserName, details: $"roles: {roles}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent call between the check and the insert (the unique index said so).
            return null;
        }

        return AccountInfo.From(record);
    }

    /// <summary>Creates the configured first admin (roles admin, designer, operator) when there is no account at all.</summary>
    public async Task EnsureInitialAdminAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        await using (var db = _contexts.CreateDbContext())
        {
            if (await db.Accounts.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var request = new CreateAccountRequest(userName, password, Roles.Ops);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Auth:InitialAdmin is invalid: " + string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        await CreateAsync(request, AuditActor.System, cancellationToken);
    }

    public async Task<IReadOnlyList<AccountInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var records = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        return [.. records.OrderBy(r => r.NormalizedUserName, StringComparer.Ordinal).Select(AccountInfo.From)];
    }

    /// <summary>Changes roles, state or password (the request must be valid); null when there is no such account.</summary>
    public async Task<AccountInfo?> UpdateAsync(string userName, UpdateAccountRequest request, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var normalized = Normalize(userName);
        var record = await db.Accounts.FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var changes = new List<string>();
        if (request.Roles is not null)
        {
            record.Roles = NormalizeRoles(request.Roles);
            changes.Add($"roles: {record.Roles}");
        }

        if (request.IsDisabled is { } disabled)
        {
            record.IsDisabled = disabled;
            changes.Add(disabled ? "disabled" : "enabled");
        }

        if (request.Password is not null)
        {
            record.PasswordHash = _hasher.HashPassword(record, request.Password);
            changes.Add("password changed");
        }

        record.UpdatedAt = _clock.GetUtcNow();
        AuditLog.Add(db, record.UpdatedAt, actor, AuditActions.AccountUpdate, AuditActions.Account, record.UserName, details: string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
        _active.Clear();
        return AccountInfo.From(record);
    }

    /// <summary>The account when the password is right and the account enabled; null otherwise.</summary>
    public async Task<AccountInfo?> VerifyPasswordAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength || userName.Length > 100)
        {
            return null;
        }

        AccountRecord? record;
        await using (var db = _contexts.CreateDbContext())
        {
            var normalized = Normalize(userName);
            record = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        }

        if (record is null)
        {
            _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
            return null;
        }

        var result = _hasher.VerifyHashedPassword(record, record.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || record.IsDisabled)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await RehashAsync(record.Id, password, cancellationToken);
        }

        return AccountInfo.From(record);
    }

    /// <summary>The account as it is now (cached briefly), or null when it is gone or disabled.</summary>
    public async Task<AccountInfo?> GetActiveAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(userName);
        if (_active.TryGet(normalized, out var cached))
        {
            return cached;
        }

        await using var db = _contexts.CreateDbContext();
        var record = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        var active = record is { IsDisabled: false } ? AccountInfo.From(record) : null;
        _active.Set(normalized, active);
        return active;
    }

    public static ClaimsPrincipal ToPrincipal(AccountInfo account, string authenticationType) =>
        CallerClaims.Create(authenticationType, account.UserName, CallerClaims.AccountKind, account.Roles);

    internal static IReadOnlyList<string> SplitRoles(string joined) =>
        joined.Length == 0 ? [] : joined.Split(',');

    private async Task RehashAsync(string id, string password, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        var record = await db.Accounts.FirstAsync(a => a.Id == id, cancellationToken);
        record.PasswordHash = _hasher.HashPassword(record, password);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void ValidatePassword(string? password, Dictionary<string, string[]> errors, bool required)
    {
        if (password is null && !required)
        {
            return;
        }

        if (password is null || password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors["password"] = [$"A password is {MinPasswordLength} to {MaxPasswordLength} characters."];
        }
    }

    private static void ValidateRoles(IReadOnlyList<string?>? roles, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < (roles?.Count ?? 0); i++)
        {
            if (roles![i] is not { } role || !Roles.Ops.Contains(role, StringComparer.Ordinal))
            {
                errors[$"roles[{i}]"] = [$"An account's roles are {string.Join(", ", Roles.Ops)}; keys carry the others."];
            }
        }
    }

    private static string NormalizeRoles(IReadOnlyList<string?>? roles) =>
        string.Join(',', (roles ?? []).Select(r => r!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    [GeneratedRegex("^[A-Za-z0-9._@-]{2,100}$")]
    private static partial Regex UserNamePattern();
}
