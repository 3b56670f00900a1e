using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>Workflow values cross into scripts as plain JavaScript values and come back as plain CLR values.</summary>
public sealed class JsValuesTests
{
    private static async Task<RunResult> RunAsync(JsonObject definition, IReadOnlyDictionary<string, object?>? input = null)
    {
        await using var harness = new EngineHarness();
        var result = await harness.RunAsync(definition.ToJsonString(), new StartRequest { Input = input });
        Assert.True(result.State.SubStatus == WorkflowSubStatus.Finished, string.Join("; ", result.State.Incidents.Select(i => i.Message)));
        return result;
    }

    private static async Task<object?> OutputOfAsync(string script, IReadOnlyDictionary<string, object?>? input = null) =>
        (await RunAsync(Chain(SetOutput("Out1", "Value", "JavaScript", script)), input)).State.Output["Value"];

    [Fact]
    public async Task ToJs_DictionaryInput_ReadsNestedPropertiesInScript()
    {
        var order = new Dictionary<string, object?> { ["customer"] = new Dictionary<string, object?> { ["name"] = "Иван", ["vip"] = true } };

        var value = await OutputOfAsync("const o = getInput('order'); o.customer.vip ? o.customer.name : ''", new Dictionary<string, object?> { ["order"] = order });

        Assert.Equal("Иван", value);
    }

    [Fact]
    public async Task ToJs_JsonElementInputFromAnApi_ReadsPropertiesInScript()
    {
        var body = JsonDocument.Parse("""{ "customer": { "name": "Maria" }, "items": [ 1, 2, 3 ] }""").RootElement.Clone();

        var value = await OutputOfAsync("getInput('order').customer.name + ':' + getInput('order').items.length", new Dictionary<string, object?> { ["order"] = body });

        Assert.Equal("Maria:3", value);
    }

    [Fact]
    public async Task ToJs_ListInput_IsAJavaScriptArray()
    {
        var value = await OutputOfAsync(
            "const a = getInput('items'); Array.isArray(a) + ':' + a.length + ':' + a.map(x => x * 2).join(',')",
            new Dictionary<string, object?> { ["items"] = new List<object?> { 1, 2L, 3.5 } });

        Assert.Equal("true:3:2,4,7", value);
    }

    [Fact]
    public async Task ToJs_StringArrayInput_IsAJavaScriptArray()
    {
        var value = await OutputOfAsync("getInput('tags').length", new Dictionary<string, object?> { ["tags"] = new[] { "a", "b" } });

        Assert.Equal(2L, value);
    }

    [Fact]
    public async Task ToJs_DictionaryOfStringsInput_ReadsPropertiesInScript()
    {
        var headers = new Dictionary<string, string> { ["X-Request-Id"] = "r-1" };

        var value = await OutputOfAsync("getInput('headers')['X-Request-Id']", new Dictionary<string, object?> { ["headers"] = headers });

        Assert.Equal("r-1", value);
    }

    [Fact]
    public async Task ToJs_ClrObjectInput_CrossesAsAPlainObjectWithoutClrMembers()
    {
        var input = new Dictionary<string, object?>
        {
            ["headers"] = new Dictionary<string, string> { ["X-Request-Id"] = "r-1" },
            ["order"] = new { Number = "A-17", Lines = new[] { 1, 2 } },
        };

        var value = await OutputOfAsync(
            "const h = getInput('headers'), o = getInput('order'); " +
            "[typeof h.Clear, typeof h.ContainsKey, typeof o.GetHashCode, o.Number, o.Lines.length, JSON.stringify(h)].join('|')",
            input);

        Assert.Equal("undefined|undefined|undefined|A-17|2|{\"X-Request-Id\":\"r-1\"}", value);
    }

    [Fact]
    public async Task ToJs_GuidAndTimeSpanInputs_CrossAsText()
    {
        var input = new Dictionary<string, object?>
        {
            ["id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["wait"] = TimeSpan.FromMinutes(90),
        };

        var value = await OutputOfAsync("typeof getInput('id') + ':' + getInput('id') + '|' + getInput('wait')", input);

        Assert.Equal("string:0f8fad5b-d9cb-469f-a165-70867728950e|01:30:00", value);
    }

    [Fact]
    public async Task ToJs_ObjectInput_HasNoClrMembers()
    {
        var order = new Dictionary<string, object?> { ["id"] = 5 };

        var value = await OutputOfAsync("typeof getInput('order').GetType + ':' + Object.keys(getInput('order')).join(',')", new Dictionary<string, object?> { ["order"] = order });

        Assert.Equal("undefined:id", value);
    }

    [Fact]
    public async Task FromJs_NestedObject_ComesBackAsDictionariesAndLists()
    {
        var value = await OutputOfAsync("({ name: 'Иван', size: 2, price: 9.5, tags: ['a', { deep: true }], none: null })");

        var obj = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal("Иван", obj["name"]);
        Assert.Equal(2L, obj["size"]);
        Assert.Equal(9.5, obj["price"]);
        Assert.Null(obj["none"]);
        var tags = Assert.IsType<List<object?>>(obj["tags"]);
        Assert.Equal("a", tags[0]);
        Assert.Equal(true, Assert.IsType<Dictionary<string, object?>>(tags[1])["deep"]);
    }

    [Fact]
    public async Task FromJs_ObjectStoredInAnObjectVariable_ReadsBackInTheNextScript()
    {
        var definition = Chain(
            [Variable("Order", "Object")],
            SetVariable("Set1", "Order", "JavaScript", "({ lines: [ { qty: 2 }, { qty: 3 } ] })"),
            SetOutput("Out1", "Total", "JavaScript", "getOrder().lines.reduce((s, l) => s + l.qty, 0)"));

        var result = await RunAsync(definition);

        Assert.IsType<Dictionary<string, object?>>(result.State.Variables["Order"]);
        Assert.Equal(5L, result.State.Output["Total"]);
    }

    [Fact]
    public async Task FromJs_Date_ComesBackAsUtcDateTimeOffset()
    {
        var value = await OutputOfAsync("new Date(Date.UTC(2026, 0, 2, 3, 4, 5))");

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Assert.IsType<DateTimeOffset>(value));
    }

    [Fact]
    public async Task ToJs_DateTimeOffsetVariable_IsIsoTextInScript()
    {
        var definition = Chain(
            [Variable("Due", "DateTimeOffset", "2026-03-01T10:00:00+03:00")],
            SetOutput("Out1", "Value", "JavaScript", "getDue() + '|' + new Date(getDue()).toISOString()"));

        var result = await RunAsync(definition);

        Assert.Equal("2026-03-01T10:00:00.0000000+03:00|2026-03-01T07:00:00.000Z", result.State.Output["Value"]);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("2 ** 53", 9_007_199_254_740_992d)]
    public async Task FromJs_NonIntegerOrHugeNumber_ComesBackAsDouble(string script, double expected)
    {
        Assert.Equal(expected, Assert.IsType<double>(await OutputOfAsync(script)));
    }

    [Fact]
    public async Task FromJs_Undefined_ComesBackAsNull()
    {
        Assert.Null(await OutputOfAsync("undefined"));
    }
}
