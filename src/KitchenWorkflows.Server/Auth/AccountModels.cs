using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Server.Auth;

/// <summary>The body of <c>POST /api/admin/accounts</c>.</summary>
/// <param name="UserName">2 to 100 letters, digits, '.', '_', '-' or '@'; sign-in ignores case.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Roles">Any of admin, designer, operator.</param>
public sealed record CreateAccountRequest(string? UserName, string? Password, IReadOnlyList<string?>? Roles);

/// <summary>The body of <c>PATCH /api/admin/accounts/{userName}</c>: what is given changes.</summary>
/// <param name="Roles">The new roles (replacing the old ones).</param>
/// <param name="IsDisabled">Disable (true) or enable (false) the account; a disabled account's sessions stop working.</param>
/// <param name="Password">A new password.</param>
public sealed record UpdateAccountRequest(IReadOnlyList<string?>? Roles, bool? IsDisabled, string? Password);

/// <summary>A local account as an admin sees it.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="IsDisabled">Whether it is disabled.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record AccountInfo(string UserName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static AccountInfo From(AccountRecord record) =>
        new(record.UserName, AccountService.SplitRoles(record.Roles), record.IsDisabled, record.CreatedAt, record.UpdatedAt);
}
