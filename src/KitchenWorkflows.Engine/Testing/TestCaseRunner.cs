using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Testing;

/// <summary>
/// Runs a definition's test cases in memory: each one a test run (<see cref="StartRequest.DryRun"/>, so no outside
/// system is reached) until it finishes or first waits, stored nowhere, then compared with what it expects. Events it
/// publishes and child workflows it asks for are not delivered or started: a test case checks this workflow alone.
/// </summary>
public sealed class TestCaseRunner(WorkflowCompiler compiler, WorkflowRunner runner)
{
    /// <summary>Runs every test case of <paramref name="definition"/>; empty when it has none.</summary>
    /// <exception cref="Validation.WorkflowDefinitionException">The definition does not validate.</exception>
    public async Task<IReadOnlyList<TestCaseResult>> RunAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var cases = WorkflowTestCases.Read(definition);
        if (cases.Count == 0)
        {
            return [];
        }

        var workflow = compiler.Compile(definition);
        var results = new List<TestCaseResult>(cases.Count);
        foreach (var testCase in cases)
        {
            var actual = await TryAsync(workflow, testCase.Input, cancellationToken);
            results.Add(new TestCaseResult(testCase.Name, TestCaseComparison.Compare(testCase.Expected, actual), actual));
        }

        return results;
    }

    /// <summary>One test run of <paramref name="definition"/> with <paramref name="input"/>, as a test case runs: what the Studio saves as a test case.</summary>
    /// <exception cref="Validation.WorkflowDefinitionException">The definition does not validate.</exception>
    public Task<TestRunOutcome> TryAsync(WorkflowDefinition definition, IReadOnlyDictionary<string, object?> input, CancellationToken cancellationToken = default) =>
        TryAsync(compiler.Compile(definition), input, cancellationToken);

    private async Task<TestRunOutcome> TryAsync(CompiledWorkflow workflow, IReadOnlyDictionary<string, object?> input, CancellationToken cancellationToken)
    {
        var run = await runner.StartAsync(workflow, new StartRequest { Input = input, DryRun = true }, cancellationToken);
        return TestRunOutcome.From(run.State, run.Journal);
    }
}
