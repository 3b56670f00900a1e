using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// Signing in to the Studio: a form for local accounts, or a redirect to the OpenID Connect provider when one is
/// configured; signing out. Both leave the sign-in cookie the Studio, the dashboard and the API page accept.
/// </summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    private const string DefaultReturnUrl = "/studio";

    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        group.MapGet(SignInPath, ShowSignIn);
        group.MapPost(SignInPath, SignInAsync);
        group.MapGet(SignOutPath, (HttpContext context, IAntiforgery antiforgery) => SignInPage.SignOut(context, antiforgery));
        // A form post like the sign-in: the antiforgery token keeps another site from signing the user out.
        // As a Delegate, not a RequestDelegate, so that its IResult is written.
        group.MapPost(SignOutPath, (Delegate)SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static IResult ShowSignIn(HttpContext context, IAntiforgery antiforgery, IOptions<AuthOptions> options, [FromQuery(Name = "ReturnUrl")] string? returnUrl)
    {
        var target = SafeReturnUrl(returnUrl);
        if (options.Value.Oidc.Enabled)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [AuthSchemes.Oidc]);
        }

        // The cookie handler sends a signed-in user here too when the page needs a role the user lacks.
        var note = context.User.Identity?.IsAuthenticated == true
            ? $"You are signed in as {context.User.Identity.Name}, whose roles do not open that page. Sign in as someone else."
            : null;
        return SignInPage.SignIn(context, antiforgery, target, error: null, note);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, AccountService accounts, IOptions<AuthOptions> options, [FromForm] SignInForm form)
    {
        if (options.Value.Oidc.Enabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Local sign-in is off.", detail: "This server signs in through its OpenID Connect provider.");
        }

        var target = SafeReturnUrl(form.ReturnUrl);
        var account = await accounts.VerifyPasswordAsync(form.UserName, form.Password, context.RequestAborted);
        if (account is null)
        {
            return SignInPage.SignIn(context, antiforgery, target, "Wrong user name or password, or the account is disabled.", note: null);
        }

        await context.SignInAsync(AuthSchemes.Cookie, AccountService.ToPrincipal(account, AuthSchemes.Cookie));
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        return Results.LocalRedirect(SignInPath);
    }

    // Only a path on this server: a sign-in link must not send the user on to another site.
    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] is not '/' and not '\\' ? returnUrl : DefaultReturnUrl;

    /// <summary>The sign-in form.</summary>
    internal sealed record SignInForm(string? UserName, string? Password, string? ReturnUrl);
}
