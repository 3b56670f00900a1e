using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.DependencyInjection;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Execution;

/// <summary>
/// A long run commits its progress where the host asks it to: every <see cref="EngineOptions.ExecutionsPerCommit"/>
/// executions, with the journal since the last commit, while it is still executing; never while an event it
/// published or a due time it set waits to be handed on after the final save.
/// </summary>
public sealed class WorkflowRunnerCommitTests
{
    private static async Task<(RunResult Result, List<RunResult> Commits)> RunAsync(string definition, int executionsPerCommit)
    {
        await using var harness = new EngineHarness(services: s => s.Configure<EngineOptions>(o => o.ExecutionsPerCommit = executionsPerCommit));
        var commits = new List<RunResult>();
        var state = harness.Runner.CreateInstance(harness.Compile(definition), new StartRequest());
        var result = await harness.Runner.RunAsync(harness.Compile(definition), state, commit: (progress, _) =>
        {
            Assert.Equal(WorkflowSubStatus.Executing, progress.State.SubStatus);
            commits.Add(progress);
            return Task.CompletedTask;
        });
        return (result, commits);
    }

    [Fact]
    public async Task Run_LongChain_CommitsEveryNExecutionsAndTheJournalsJoinUp()
    {
        var (result, commits) = await RunAsync(Chain([.. Enumerable.Range(1, 25).Select(i => WriteLine($"Write{i}", "Literal", $"line {i}"))]).ToJsonString(), executionsPerCommit: 10);

        Assert.Equal([10, 10], commits.Select(c => c.Journal.Count));
        Assert.Equal(6, result.Journal.Count);
        var sequences = commits.SelectMany(c => c.Journal).Concat(result.Journal).Select(e => e.Sequence);
        Assert.Equal(Enumerable.Range(1, 26).Select(i => (long)i), sequences.Select(s => (long)s));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Run_ShortRun_IsCommittedOnlyByItsCaller()
    {
        var (result, commits) = await RunAsync(Chain(WriteLine("Write1", "Literal", "one")).ToJsonString(), executionsPerCommit: 10);

        Assert.Empty(commits);
        Assert.Equal(2, result.Journal.Count);
    }

    [Fact]
    public async Task Run_EventPublishedEarlyInTheRun_PutsOffCommitsUntilTheEnd()
    {
        var (result, commits) = await RunAsync(Chain(
            [Activity("Publish1", "Elsa.PublishEvent", ("eventName", Input("Literal", "case-opened", "String"))),
                .. Enumerable.Range(1, 25).Select(i => WriteLine($"Write{i}", "Literal", $"line {i}"))]).ToJsonString(), executionsPerCommit: 10);

        Assert.Empty(commits);
        Assert.Equal(27, result.Journal.Count);
        Assert.Single(result.PublishedEvents);
    }
}
