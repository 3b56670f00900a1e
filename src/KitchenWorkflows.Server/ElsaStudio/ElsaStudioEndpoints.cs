using KitchenWorkflows.Server.Auth;

namespace KitchenWorkflows.Server.ElsaStudio;

/// <summary>
/// The real Elsa Studio at <c>/elsa-studio</c>: our page hosting its custom elements (for the same people as
/// <c>/studio</c>, signed in outside Development), the credential that page hands them, and the package's files.
/// </summary>
internal static class ElsaStudioEndpoints
{
    public const string Path = "/elsa-studio";

    /// <summary>
    /// How long a credential handed to the page holds. The page asks for a fresh one well before (every third of it),
    /// so a tab left open keeps working while the user may, and a leaked one is worth minutes, not a session.
    /// </summary>
    public static readonly TimeSpan CredentialLifetime = TimeSpan.FromMinutes(15);

    public static void MapElsaStudio(this WebApplication app)
    {
        var files = ElsaStudioFiles.Beside(AppContext.BaseDirectory);
        var group = app.MapGroup(Path).ExcludeFromDescription();
        group.MapGet("", (HttpContext context, StudioUserTokens tokens) =>
                files.Present ? ElsaStudioPage.Host(Credential(context, tokens)) : ElsaStudioPage.Missing(files.Folder))
            .RequireAuthorization(Policies.Studio);
        group.MapGet("credential", (HttpContext context, StudioUserTokens tokens) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Results.Json(Credential(context, tokens));
            })
            .RequireAuthorization(Policies.Studio);
        // Elsa Studio's own addresses for an instance and a definition, where its editor sends the browser after a run (the
        // custom element cannot take the callback it would call instead: Blazor hands JavaScript functions only to event
        // callbacks) and its viewer after "edit". They lead to the same views of our page.
        group.MapGet("workflows/instances/{id}/view", (string id) => Results.Redirect($"{Path}#/instances/{Uri.EscapeDataString(id)}")).AllowAnonymous();
        group.MapGet("workflows/definitions/{id}/edit", (string id) => Results.Redirect($"{Path}#/definitions/{Uri.EscapeDataString(id)}")).AllowAnonymous();
        // Like /studio's scripts and styles: public files (a public npm package); the page and the API are what is guarded.
        group.MapGet("{**path}", (HttpContext context, string path) => files.Serve(context, path)).AllowAnonymous();
    }

    private static ElsaStudioCredential Credential(HttpContext context, StudioUserTokens tokens) =>
        new(tokens.Issue(context.User, CredentialLifetime) ?? throw new InvalidOperationException("The Studio policy let in a request without a user."),
            (int)CredentialLifetime.TotalSeconds);
}

/// <summary>A bearer token for <c>/elsa/api</c> as the page's user, and how many seconds it holds.</summary>
internal sealed record ElsaStudioCredential(string AccessToken, int ExpiresIn);
