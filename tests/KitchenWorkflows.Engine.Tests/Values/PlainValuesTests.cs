using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Tests.Values;

/// <summary>JSON built in code, holding CLR values rather than parsed text, still converts to plain values.</summary>
public sealed class PlainValuesTests
{
    [Fact]
    public void FromJson_NodeHoldingClrValuesThatWriteAsStrings_GivesTheirText()
    {
        var node = new JsonObject
        {
            ["id"] = JsonValue.Create(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
            ["at"] = JsonValue.Create(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)),
            ["letter"] = JsonValue.Create('Ж'),
        };

        var plain = Assert.IsType<Dictionary<string, object?>>(PlainValues.FromJson(node));

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", plain["id"]);
        Assert.Equal("2026-01-02T03:04:05Z", plain["at"]);
        Assert.Equal("Ж", plain["letter"]);
    }

    [Fact]
    public void Normalize_JsonNodeWithNumbersAndNesting_GivesLongsDoublesDictionariesAndLists()
    {
        var plain = PlainValues.Normalize(JsonNode.Parse("""{ "n": 3, "x": 1.5, "list": [ true, null, "a" ] }"""));

        var obj = Assert.IsType<Dictionary<string, object?>>(plain);
        Assert.Equal(3L, obj["n"]);
        Assert.Equal(1.5, obj["x"]);
        Assert.Equal([true, null, "a"], Assert.IsType<List<object?>>(obj["list"]));
    }
}
