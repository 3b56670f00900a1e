using System.Security.Claims;
using KitchenWorkflows.Server.Auth;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's <c>Link</c>: a route an answer offers its reader.</summary>
internal sealed record ElsaLink(string Href, string Rel, string Method);

/// <summary>
/// The links Elsa puts on definitions and the definition list. Elsa Studio reads them as permissions: without
/// <c>bulk-publish</c> on the list it runs read-only, without <c>publish</c> on a definition that definition is
/// read-only. So the writing links are given exactly to callers who may edit definitions here.
/// </summary>
internal static class ElsaLinks
{
    /// <summary>Whether the caller may edit definitions (the roles of <see cref="Policies.EditDefinitions"/>).</summary>
    public static bool MayEdit(ClaimsPrincipal user) => Policies.RolesByPolicy[Policies.EditDefinitions].Any(user.IsInRole);

    /// <summary>The links of the definition list.</summary>
    public static IReadOnlyList<ElsaLink> ForList(ClaimsPrincipal user)
    {
        List<ElsaLink> links =
        [
            new("/workflow-definitions", "self", "GET"),
            new("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"),
            new("/workflow-definitions/query/count", "count", "GET"),
            new("/workflow-definitions/many-by-id", "many-by-id", "GET"),
        ];
        if (MayEdit(user))
        {
            links.Add(new("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete-by-definition-id", "POST"));
            links.Add(new("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"));
            links.Add(new("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"));
            links.Add(new("/workflow-definitions/import", "import", "POST"));
            links.Add(new("/workflow-definitions", "create", "POST"));
        }

        return links;
    }

    /// <summary>The links of one definition.</summary>
    public static IReadOnlyList<ElsaLink> ForDefinition(string definitionId, ClaimsPrincipal user)
    {
        var id = Uri.EscapeDataString(definitionId);
        List<ElsaLink> links =
        [
            new($"/workflow-definitions/{id}", "self", "GET"),
            new($"/workflow-definitions/by-definition-id/{id}", "self", "GET"),
            new($"/workflow-definitions/{id}/versions", "versions", "GET"),
            new($"/workflow-definitions/{id}/dispatch", "dispatch", "POST"),
            new($"/workflow-definitions/{id}/execute", "execute", "POST"),
            new($"/workflow-definitions/{id}/export", "export", "POST"),
        ];
        if (MayEdit(user))
        {
            links.Add(new($"/workflow-definitions/{id}/publish", "publish", "POST"));
            links.Add(new($"/workflow-definitions/{id}/retract", "retract", "POST"));
            links.Add(new($"/workflow-definitions/{id}", "delete", "DELETE"));
        }

        return links;
    }
}
