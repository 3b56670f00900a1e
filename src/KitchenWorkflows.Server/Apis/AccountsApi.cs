using System.Security.Claims;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Admin: the local accounts people sign in to the Studio with.</summary>
internal static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/accounts").WithTags("Admin: accounts").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("Every local account with its roles and state.");
        group.MapPost("/", CreateAsync).WithName("CreateAccount").WithSummary("Create a local account with a password and roles (admin, designer, operator).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{userName}", UpdateAsync).WithName("UpdateAccount")
            .WithSummary("Set an account's roles, disable or enable it, or set a new password; what the body gives changes.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<AccountInfo>>> ListAsync(AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ListAsync(cancellationToken));

    private static async Task<Results<Created<AccountInfo>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest? body, AccountService accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = body ?? new CreateAccountRequest(null, null, null);
        var errors = AccountService.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The account is invalid.");
        }

        return await accounts.CreateAsync(request, user.ToAuditActor(), cancellationToken) is { } created
            ? TypedResults.Created($"/api/admin/accounts/{Uri.EscapeDataString(created.UserName)}", created)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"The user name '{request.UserName}' is taken.");
    }

    private static async Task<Results<Ok<AccountInfo>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string userName, UpdateAccountRequest? body, AccountService accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = body ?? new UpdateAccountRequest(null, null, null);
        var errors = AccountService.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The change is invalid.");
        }

        return await accounts.UpdateAsync(userName, request, user.ToAuditActor(), cancellationToken) is { } updated
            ? TypedResults.Ok(updated)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No account '{userName}'.");
    }
}
