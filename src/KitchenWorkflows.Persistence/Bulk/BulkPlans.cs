using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Alterations;
using KitchenWorkflows.Persistence.Entities;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>
/// Bulk plans: submitted with their instances fixed at once, then worked through by a background job, one batch of
/// instances at a time, each outcome saved before the next batch. The node running a plan holds it for a while and
/// renews the hold with every batch; a plan whose node died is taken over, and starts where it stopped.
/// </summary>
public sealed class BulkPlans(
    IDbContextFactory<WorkflowDbContext> contexts,
    BulkItemOperations operations,
    IOptions<RuntimeOptions> runtime,
    TimeProvider clock)
{
    /// <summary>The most instances one plan may cover.</summary>
    public const int MaxInstances = 100_000;

    private const int BatchSize = 100;
    private const int ShownProblems = 50;
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    // The plans this node is running: a second job for one of them (Hangfire's own retry of a job it thought lost,
    // the start-up resume) leaves it to the first.
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>Stores a plan over the instances <paramref name="selection"/> covers now, and returns its id.</summary>
    /// <param name="operation">What is done to each instance.</param>
    /// <param name="selection">The instances.</param>
    /// <param name="createdBy">Who submits it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="alterations">What an <see cref="BulkOperation.Alter"/> plan applies.</param>
    /// <exception cref="BulkPlanTooLargeException">More than <see cref="MaxInstances"/> instances.</exception>
    public async Task<BulkPlanRecord> CreateAsync(BulkOperation operation, BulkSelection selection, string createdBy, CancellationToken cancellationToken, IReadOnlyList<Alteration>? alterations = null)
    {
        ArgumentNullException.ThrowIfNull(selection);
        await using var db = contexts.CreateDbContext();
        var targets = await Select(db, selection)
            .Select(i => new { i.Id, i.UpdatedAt })
            .Take(MaxInstances + 1)
            .ToListAsync(cancellationToken);
        if (targets.Count > MaxInstances)
        {
            throw new BulkPlanTooLargeException(MaxInstances);
        }

        var now = clock.GetUtcNow();
        var plan = new BulkPlanRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Operation = operation,
            Alterations = alterations is null ? null : PlannedAlterations.Write(alterations),
            Status = targets.Count == 0 ? BulkPlanStatus.Completed : BulkPlanStatus.Pending,
            Selection = selection.Description,
            Total = targets.Count,
            CreatedBy = createdBy,
            CreatedAt = now,
            FinishedAt = targets.Count == 0 ? now : null,
        };
        db.BulkPlans.Add(plan);
        db.BulkPlanItems.AddRange(targets.Select(t => new BulkPlanItemRecord { PlanId = plan.Id, InstanceId = t.Id, PlannedAgainst = t.UpdatedAt }));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>The ids of the instances <paramref name="selection"/> covers now, in a plan's order.</summary>
    /// <exception cref="BulkPlanTooLargeException">More than <see cref="MaxInstances"/> instances.</exception>
    public async Task<List<string>> SelectAsync(BulkSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        await using var db = contexts.CreateDbContext();
        var ids = await Select(db, selection).Select(i => i.Id).Take(MaxInstances + 1).ToListAsync(cancellationToken);
        return ids.Count > MaxInstances ? throw new BulkPlanTooLargeException(MaxInstances) : ids;
    }

    private static IQueryable<WorkflowInstanceRecord> Select(WorkflowDbContext db, BulkSelection selection)
    {
        var instances = selection.InstanceIds is { } ids
            ? db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id))
            : InstanceQueries.Filter(db, selection.Filter ?? new InstanceFilter());
        return instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id);
    }

    /// <summary>Works through a plan to its end, unless another node holds it or it has ended.</summary>
    public async Task RunAsync(string planId, CancellationToken cancellationToken)
    {
        if (!_running.TryAdd(planId, 0))
        {
            return;
        }

        try
        {
            await RunHeldAsync(planId, cancellationToken);
        }
        finally
        {
            _running.TryRemove(planId, out _);
        }
    }

    private async Task RunHeldAsync(string planId, CancellationToken cancellationToken)
    {
        var node = runtime.Value.NodeId;
        if (!await HoldAsync(planId, node, cancellationToken))
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        var work = await db.BulkPlans.Where(p => p.Id == planId)
            .Select(p => new { p.Operation, p.CreatedBy, p.Alterations })
            .SingleAsync(cancellationToken);
        var planned = new BulkWork(planId, work.Operation, work.CreatedBy, PlannedAlterations.Read(work.Alterations));
        while (true)
        {
            var batch = await db.BulkPlanItems
                .Where(i => i.PlanId == planId && i.Outcome == null)
                .OrderBy(i => i.InstanceId)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var item in batch)
            {
                (item.Outcome, item.Message) = await operations.ApplyAsync(planned, item.InstanceId, item.PlannedAgainst, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (!await HoldAsync(planId, node, cancellationToken))
            {
                return; // Taken over while this node was too slow to renew: the other node goes on from here.
            }
        }

        await db.BulkPlans.Where(p => p.Id == planId && p.Owner == node).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, BulkPlanStatus.Completed)
            .SetProperty(p => p.FinishedAt, clock.GetUtcNow())
            .SetProperty(p => p.Owner, (string?)null)
            .SetProperty(p => p.OwnedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>
    /// After a restart: gives back the plans this node held in its previous life, and returns the ids of every
    /// plan that has not ended, to be run again.
    /// </summary>
    public async Task<List<string>> ReleaseAndListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var node = runtime.Value.NodeId;
        await db.BulkPlans.Where(p => p.Owner == node).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Owner, (string?)null)
            .SetProperty(p => p.OwnedUntil, (DateTimeOffset?)null), cancellationToken);
        return await db.BulkPlans.Where(p => p.Status != BulkPlanStatus.Completed).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A plan with its counts and the instances it skipped or failed (the first few); null when there is none.</summary>
    public async Task<BulkPlanProgress?> GetAsync(string planId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var plan = await db.BulkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var counts = await db.BulkPlanItems.Where(i => i.PlanId == planId && i.Outcome != null)
            .GroupBy(i => i.Outcome!.Value)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Outcome, g => g.Count, cancellationToken);
        var problems = await db.BulkPlanItems.AsNoTracking()
            .Where(i => i.PlanId == planId && (i.Outcome == BulkItemOutcome.Skipped || i.Outcome == BulkItemOutcome.Failed))
            .OrderBy(i => i.InstanceId)
            .Take(ShownProblems)
            .Select(i => new BulkItemProblem(i.InstanceId, i.Outcome!.Value, i.Message))
            .ToListAsync(cancellationToken);
        var (done, skipped, failed) = (counts.GetValueOrDefault(BulkItemOutcome.Done), counts.GetValueOrDefault(BulkItemOutcome.Skipped), counts.GetValueOrDefault(BulkItemOutcome.Failed));
        return new BulkPlanProgress(plan.Id, plan.Operation, plan.Status, plan.Selection, plan.Total,
            done, skipped, failed, plan.Total - done - skipped - failed,
            plan.CreatedBy, plan.CreatedAt, plan.FinishedAt, problems, PlannedAlterations.Read(plan.Alterations));
    }

    // Takes or renews the hold on a plan that has not ended and that no other live node holds.
    private async Task<bool> HoldAsync(string planId, string node, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow();
        var held = await db.BulkPlans
            .Where(p => p.Id == planId && p.Status != BulkPlanStatus.Completed && (p.Owner == null || p.Owner == node || p.OwnedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, BulkPlanStatus.Running)
                .SetProperty(p => p.Owner, node)
                .SetProperty(p => p.OwnedUntil, now + Hold), cancellationToken);
        return held == 1;
    }
}
