using System.Security.Claims;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Privacy;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Server.Auth;

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
    /// The one decision: operators and admins handle cases and see them as stored; every other role sees personal data
    /// masked. Every endpoint that shapes with it requires a signed-in caller, so an anonymous one never gets here.
    /// </summary>
    public static bool MaySeePersonalData(ClaimsPrincipal user) => user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin);

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
        Incidents = [.. instance.Incidents.Select(i => i with { Message = PersonalDataMasker.MaskText(i.Message)!, Detail = PersonalDataMasker.MaskText(i.Detail) })],
        WithheldCalls = [.. instance.WithheldCalls.Select(c => c with { Details = PersonalDataMasker.MaskDictionary(c.Details) })],
    };

    public static IReadOnlyList<JournalEntry> Shape(IReadOnlyList<JournalEntry> journal, ClaimsPrincipal user) => MaySeePersonalData(user) ? journal :
        [.. journal.Select(e => e with { Message = PersonalDataMasker.MaskText(e.Message), Error = PersonalDataMasker.MaskText(e.Error) })];

    public static PagedList<InstanceListItem> Shape(PagedList<InstanceListItem> page, ClaimsPrincipal user) => MaySeePersonalData(user) ? page :
        page with { Items = [.. page.Items.Select(i => i with { CorrelationId = PersonalDataMasker.MaskText(i.CorrelationId) })] };
}
