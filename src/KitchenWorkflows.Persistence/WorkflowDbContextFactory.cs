using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="WorkflowDbContext"/>.</summary>
internal sealed class WorkflowDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<WorkflowDbContext>
    where TContext : WorkflowDbContext
{
    public WorkflowDbContext CreateDbContext() => inner.CreateDbContext();
}
