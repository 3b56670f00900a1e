using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;
using Microsoft.Extensions.DependencyInjection;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>
/// A template cannot take the machine: every limit is checked before what it bounds is made, and the incident names
/// the limit and its setting. Each template here, unbounded, would take gigabytes or minutes.
/// </summary>
public sealed class LiquidEvaluatorLimitsTests
{
    private static async Task<(RunResult Result, long Allocated)> RenderAsync(string template, Action<ScriptOptions>? limits = null)
    {
        await using var harness = new EngineHarness(services: s => s.Configure<ScriptOptions>(o => limits?.Invoke(o)));
        var workflow = harness.Compile(Chain(WriteLine("Write1", "Liquid", template)).ToJsonString());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = await harness.Runner.StartAsync(workflow, new StartRequest());
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string AssertFaulted(RunResult result)
    {
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal(typeof(ScriptFailedException).FullName, incident.ExceptionType);
        return incident.Message;
    }

    [Fact]
    public async Task Render_HugeRange_FailsBeforeMaterialisingIt()
    {
        var (result, allocated) = await RenderAsync("{% for i in (1..1000000000) %}x{% endfor %}");

        Assert.Equal(
            "The Liquid template failed: it would make more than 100000 items in one range or list (Scripts:MaxTemplateItems).",
            AssertFaulted(result));
        Assert.True(allocated < 50_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task Render_LoopOverTheStepLimit_NamesTheStepLimit()
    {
        var (result, _) = await RenderAsync("{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}", o => o.MaxStatements = 10_000);

        Assert.Equal("The Liquid template failed: it took more than 10000 steps (Scripts:MaxStatements).", AssertFaulted(result));
    }

    [Fact]
    public async Task Render_StringDoubledInALoop_StopsAtTheOutputLimit()
    {
        var (result, allocated) = await RenderAsync("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}");

        Assert.Equal(
            "The Liquid template failed: it would render or build more than 1000000 characters (Scripts:MaxTemplateOutputLength).",
            AssertFaulted(result));
        Assert.True(allocated < 50_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task Render_LongOutput_StopsAtTheOutputLimit()
    {
        var (result, _) = await RenderAsync("{% for i in (1..5000) %}0123456789{% endfor %}", o => o.MaxTemplateOutputLength = 10_000);

        Assert.Contains("(Scripts:MaxTemplateOutputLength)", AssertFaulted(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ManyLargeStringsKept_StopsAtTheMemoryLimit()
    {
        // Each string is under the output limit and the list under the item limit; only memory bounds what is kept.
        var (result, allocated) = await RenderAsync(
            "{% assign big = '' %}{% for i in (1..16) %}{% assign big = big | append: 'xxxxxxxx' | append: big %}{% endfor %}" +
            "{% assign kept = '' | split: ',' %}{% for i in (1..5000) %}{% assign one = big | append: i | split: '#' %}{% assign kept = kept | concat: one %}{% endfor %}{{ kept | size }}");

        Assert.Matches(@"^The Liquid template failed: it allocated \d+ bytes, over 32000000 \(Scripts:MemoryLimitBytes\)\.$", AssertFaulted(result));
        Assert.True(allocated < 200_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task Render_WithinTheLimits_RendersAsBefore()
    {
        var (result, _) = await RenderAsync("{% for i in (1..3) %}{{ i }}{% endfor %} {{ 'a,b,c' | split: ',' | join: '-' }}");

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["123 a-b-c"], EngineHarness.Lines(result.Journal));
    }
}
