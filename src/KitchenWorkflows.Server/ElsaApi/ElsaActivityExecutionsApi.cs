using System.Security.Claims;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's activity execution records, read from an instance's journal (one record per execution).</summary>
internal static class ElsaActivityExecutionsApi
{
    public static void MapElsaActivityExecutions(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/activity-executions/list", ListAsync).WithName("ElsaListActivityExecutions")
            .RequireAuthorization(Policies.ReadInstances);
        elsa.MapGet("/activity-execution-summaries/list", ListAsync).WithName("ElsaListActivityExecutionSummaries")
            .RequireAuthorization(Policies.ReadInstances);
        elsa.MapGet("/activity-executions/by-id", GetAsync).WithName("ElsaGetActivityExecution")
            .RequireAuthorization(Policies.ReadInstances);
        elsa.MapPost("/activity-executions/report", ReportAsync).WithName("ElsaActivityExecutionReport")
            .RequireAuthorization(Policies.ReadInstances);
    }

    private static async Task<Ok<ElsaList<ElsaActivityExecutionRecord>>> ListAsync(
        string? workflowInstanceId, string? activityNodeId, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(workflowInstanceId, instances, store, user, cancellationToken);
        var matching = records.Where(r => activityNodeId is null || r.ActivityNodeId == activityNodeId).ToList();
        return TypedResults.Ok(new ElsaList<ElsaActivityExecutionRecord>(matching, matching.Count));
    }

    // An execution's id is its instance's and its journal sequence (see ElsaInstanceJson.ExecutionId).
    private static async Task<Results<Ok<ElsaActivityExecutionRecord>, NotFound>> GetAsync(
        string? id, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var colon = id?.LastIndexOf(':') ?? -1;
        var records = colon > 0 ? await RecordsAsync(id![..colon], instances, store, user, cancellationToken) : [];
        return records.FirstOrDefault(r => r.Id == id) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound();
    }

    private static async Task<Ok<ElsaActivityExecutionReport>> ReportAsync(
        ElsaActivityExecutionReportRequest? request, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(request?.WorkflowInstanceId, instances, store, user, cancellationToken);
        var stats = (request?.ActivityNodeIds ?? [])
            .Select(nodeId => (nodeId, runs: records.Where(r => r.ActivityNodeId == nodeId).ToList()))
            .Where(x => x.runs.Count > 0)
            .Select(x => new ElsaActivityExecutionStats(
                x.runs[0].ActivityId, x.nodeId, x.runs.Count, x.runs.Count(r => r.CompletedAt is not null), x.runs.Count(r => r.CompletedAt is null),
                x.runs.Any(r => r.HasBookmarks && r.CompletedAt is null), x.runs.Any(r => r.Status == ElsaActivityStatus.Faulted), null));
        return TypedResults.Ok(new ElsaActivityExecutionReport([.. stats]));
    }

    private static async Task<IReadOnlyList<ElsaActivityExecutionRecord>> RecordsAsync(
        string? instanceId, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (instanceId is null || await instances.GetAsync(instanceId, cancellationToken) is not { } state || await instances.GetJournalAsync(instanceId, cancellationToken) is not { } journal)
        {
            return [];
        }

        var json = await ElsaInstanceJson.ForAsync(store, state.DefinitionId, state.DefinitionVersion, cancellationToken);
        return json.Executions(instanceId, PersonalDataView.Shape(journal, user));
    }

    /// <summary>Elsa's <c>GetActivityExecutionReportRequest</c>.</summary>
    internal sealed record ElsaActivityExecutionReportRequest(string? WorkflowInstanceId, IReadOnlyList<string>? ActivityNodeIds);

    /// <summary>Elsa's <c>ActivityExecutionReport</c>.</summary>
    internal sealed record ElsaActivityExecutionReport(IReadOnlyList<ElsaActivityExecutionStats> Stats);

    /// <summary>Elsa's <c>ActivityExecutionStats</c>: how often an activity ran in an instance and how it stands.</summary>
    internal sealed record ElsaActivityExecutionStats(
        string ActivityId, string ActivityNodeId, long StartedCount, long CompletedCount, long UncompletedCount, bool IsBlocked, bool IsFaulted, IReadOnlyDictionary<string, object>? Metadata);
}
