using System.Security.Claims;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Privacy;
using KitchenWorkflows.Persistence.Instances;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Shapes what the instance endpoints answer to who asks: the roles that work with customers (<c>operator</c>,
/// <c>admin</c>) see personal data as stored; every other role (<c>designer</c>, <c>api-client</c>,
/// <c>service-centre</c>) sees it masked by <see cref="PersonalDataMasker"/>: input, output, variables, tags,
/// correlation ids, bookmark payloads, incident messages and journal lines.
/// </summary>
internal static class PersonalDataView
{
    /// <summary>
    /// The one decision. Until sign-in exists (the identity work of issue 7) every caller is anonymous, and the Studio's
    /// operators are among them, so an unauthenticated caller still sees everything; the identity work removes that
    /// first clause once every endpoint requires a signed-in principal.
    /// </summary>
    public static bool MaySeePersonalData(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true || user.IsInRole("operator") || user.IsInRole("admin");

    public static WorkflowInstanceSummary Shape(WorkflowInstanceSummary instance, ClaimsPrincipal user) => MaySeePersonalData(user) ? instance : instance with
    {
        CorrelationId = PersonalDataMasker.MaskText(instance.CorrelationId),
        Input = PersonalDataMasker.MaskDictionary(instance.Input),
        Output = PersonalDataMasker.MaskDictionary(instance.Output),
        Variables = PersonalDataMasker.MaskDictionary(instance.Variables),
        Tags = instance.Tags.ToDictionary(t => t.Key, t => (string)PersonalDataMasker.MaskValue(t.Value, t.Key)!, StringComparer.Ordinal),
        Bookmarks = [.. instance.Bookmarks.Select(b => b with
        {
            CorrelationId = PersonalDataMasker.MaskText(b.CorrelationId),
            Payload = b.Payload is null ? null : PersonalDataMasker.MaskDictionary(b.Payload),
        })],
        Incidents = [.. instance.Incidents.Select(i => i with { Message = PersonalDataMasker.MaskText(i.Message)! })],
    };

    public static IReadOnlyList<JournalEntry> Shape(IReadOnlyList<JournalEntry> journal, ClaimsPrincipal user) => MaySeePersonalData(user) ? journal :
        [.. journal.Select(e => e with { Message = PersonalDataMasker.MaskText(e.Message), Error = PersonalDataMasker.MaskText(e.Error) })];

    public static PagedList<InstanceListItem> Shape(PagedList<InstanceListItem> page, ClaimsPrincipal user) => MaySeePersonalData(user) ? page :
        page with { Items = [.. page.Items.Select(i => i with { CorrelationId = PersonalDataMasker.MaskText(i.CorrelationId) })] };
}
