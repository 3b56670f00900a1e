using System.Net;
using System.Text.Json.Nodes;
using KitchenWorkflows.Server.IntegrationTests.Hostile;

namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>
/// A definition id becomes a URL path segment: one that cannot be one is refused at <c>$.definitionId</c> before anything
/// is stored. Before, such ids were stored (201) and could never be read or published again, and a NUL or a
/// right-to-left override answered 500 after the definition was stored.
/// </summary>
public sealed class DefinitionIdTests(HostileServer server) : ApiTestBase(server), IClassFixture<HostileServer>
{
    private static string Definition(string id) => new JsonObject
    {
        ["definitionId"] = id,
        ["name"] = "ids",
        ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray(), ["connections"] = new JsonArray() },
    }.ToJsonString();

    public static TheoryData<string> Refused => new()
    {
        "a/b", "../../etc/passwd", "..", ".hidden", "<script>alert(1)</script>", "nul\0id", "rtl\u202Eexe.txt", "space id", "кириллица", new string('a', 101),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Save_IdThatIsNoPathSegment_Is400AndNothingIsStored(string id)
    {
        await AssertUnchangedAsync(async () =>
        {
            var keys = await AssertValidationProblemAsync(await Client.PostAsync("/api/workflow-definitions", Json(Definition(id))));

            Assert.Equal(["$.definitionId"], keys);
        });
    }

    [Theory]
    [InlineData("Elsa.Child_with-input.2")]
    [InlineData("68e6bca3d86c4a5a8dfb825f1d5c0875")]
    public async Task Save_IdOfTheRule_IsStoredAndReadBackByItsLocation(string id)
    {
        var response = await Client.PostAsync("/api/workflow-definitions", Json(Definition(id)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/workflow-definitions/{id}?version=1", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(response.Headers.Location)).StatusCode);
    }
}
