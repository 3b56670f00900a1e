using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests;

/// <summary>What the test activities saw, shared with the test through the service provider.</summary>
internal sealed class TestProbe
{
    public ConcurrentQueue<ProbeRecord> Records { get; } = new();

    /// <summary>Cancelled by <see cref="CancelHostActivity"/>, standing in for a stopping host.</summary>
    public CancellationTokenSource Host { get; } = new();

    /// <summary>How many more times <see cref="FlakyActivity"/> fails before it succeeds.</summary>
    public int FailuresLeft { get; set; }
}

internal sealed record ProbeRecord(string InstanceId, string ActivityId, int Attempt, string IdempotencyKey, DateTimeOffset At);

/// <summary>Records its execution, then completes.</summary>
[Activity("Test.Record", Description = "Records that it ran.")]
internal sealed class RecordActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        Record(context);
        return ValueTask.FromResult(ActivityResult.Done);
    }

    internal static void Record(ActivityExecutionContext context) =>
        context.GetRequiredService<TestProbe>().Records.Enqueue(
            new ProbeRecord(context.Workflow.State.Id, context.ActivityId, context.Attempt, context.IdempotencyKey, context.Now));
}

/// <summary>Fails while <see cref="TestProbe.FailuresLeft"/> is above zero, then completes.</summary>
[Activity("Test.Flaky", Description = "Fails a set number of times, then succeeds.")]
internal sealed class FlakyActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        RecordActivity.Record(context);
        var probe = context.GetRequiredService<TestProbe>();
        if (probe.FailuresLeft > 0)
        {
            probe.FailuresLeft--;
            throw new InvalidOperationException($"Flaky failure on attempt {context.Attempt}.");
        }

        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Cancels the host token while it runs, then completes normally.</summary>
[Activity("Test.CancelHost", Description = "Signals that the host is stopping.")]
internal sealed class CancelHostActivity : Activity
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        await context.GetRequiredService<TestProbe>().Host.CancelAsync();
        return ActivityResult.Done;
    }
}

/// <summary>Throws what an outside call throws when it times out (not the host stopping).</summary>
[Activity("Test.TimesOut", Description = "Throws a timeout cancellation.")]
internal sealed class TimesOutActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException());
}

internal static class TestActivities
{
    public static void Register(ActivityRegistry registry) => registry
        .Register<RecordActivity>()
        .Register<FlakyActivity>()
        .Register<CancelHostActivity>()
        .Register<TimesOutActivity>();

    /// <summary>A harness with the test activities and a probe.</summary>
    public static EngineHarness Harness(TestProbe probe, Action<IServiceCollection>? services = null) =>
        new(Register, s =>
        {
            s.AddSingleton(probe);
            services?.Invoke(s);
        });
}
