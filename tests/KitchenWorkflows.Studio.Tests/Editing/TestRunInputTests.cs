using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class TestRunInputTests
{
    [Fact]
    public void Follow_FirstInputsDeclared_OffersThemEmpty()
    {
        var input = TestRunInput.Follow("{}", [], ["callerKind", "phone"]);

        Assert.Equal("{\n  \"callerKind\": \"\",\n  \"phone\": \"\"\n}", input.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Follow_InputRenamed_OffersTheNewNameWithTheTypedValue()
    {
        var input = TestRunInput.Follow("""{"callerKind": "existing", "phone": "+79161234567"}""", ["callerKind", "phone"], ["kind", "phone"]);

        Assert.Equal("""{"kind":"existing","phone":"+79161234567"}""", Compact(input));
    }

    [Fact]
    public void Follow_InputRemovedAndOneAdded_DropsTheOldKeepsWhatTheUserAdded()
    {
        var input = TestRunInput.Follow("""{"a": 1, "b": 2, "extra": "да"}""", ["a", "b"], ["b", "c", "d"]);

        Assert.Equal("""{"b":2,"c":"","d":"","extra":"да"}""", Compact(input));
    }

    [Fact]
    public void Follow_InputBeingTyped_IsLeftAsItIs()
    {
        Assert.Equal("{\"a\": ", TestRunInput.Follow("{\"a\": ", ["a"], ["b"]));
    }

    private static string Compact(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
