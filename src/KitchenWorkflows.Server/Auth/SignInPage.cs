using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace KitchenWorkflows.Server.Auth;

/// <summary>The sign-in and sign-out pages: plain HTML forms with an antiforgery token, no script.</summary>
internal static class SignInPage
{
    private const string Style = """
        body{font-family:Roboto,Helvetica,Arial,sans-serif;background:#f5f5f5;margin:0}
        main{max-width:360px;margin:12vh auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
        h1{font-size:1.4rem;color:#1565c0;margin:0 0 24px}label{display:block;margin:12px 0 4px;font-size:.9rem}
        input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;font-size:1rem}
        button{margin-top:20px;width:100%;padding:10px;background:#1565c0;color:#fff;border:0;border-radius:4px;font-size:1rem;cursor:pointer}
        .error{color:#b71c1c;margin:0 0 12px}.note{color:#555;margin:0 0 12px}
        """;

    public static IResult SignIn(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, string? note)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var body = $"""
            <h1>KitchenWorkflows Studio</h1>
            {(error is null ? "" : $"<p class=\"error\" data-testid=\"signin-error\">{html.Encode(error)}</p>")}
            {(note is null ? "" : $"<p class=\"note\">{html.Encode(note)}</p>")}
            <form method="post" action="{SignInEndpoints.SignInPath}">
              <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken!)}" />
              <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl)}" />
              <label for="userName">User name</label><input id="userName" name="userName" type="text" autocomplete="username" autofocus required />
              <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required />
              <button type="submit" data-testid="signin">Sign in</button>
            </form>
            """;
        return Page("Sign in · KitchenWorkflows", body);
    }

    public static IResult SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var body = $"""
            <h1>KitchenWorkflows Studio</h1>
            <p class="note">Signed in as {html.Encode(context.User.Identity?.Name ?? "nobody")}.</p>
            <form method="post" action="{SignInEndpoints.SignOutPath}">
              <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken!)}" />
              <button type="submit" data-testid="signout">Sign out</button>
            </form>
            """;
        return Page("Sign out · KitchenWorkflows", body);
    }

    private static IResult Page(string title, string body) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title><style>{Style}</style></head>
        <body><main>{body}</main></body></html>
        """, "text/html; charset=utf-8");
}
