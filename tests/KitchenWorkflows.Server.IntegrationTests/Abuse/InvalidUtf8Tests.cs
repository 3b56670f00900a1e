using System.Net.Http.Headers;
using System.Text;
using KitchenWorkflows.Server.IntegrationTests.Hostile;

namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>
/// A JSON string that is not valid UTF-8 is a 400 at its path wherever it is sent, free-form parts (input, payload,
/// a definition) included, and nothing is stored or started. Before, a bad string inside a free-form part failed
/// half-way through the request, as a 500.
/// </summary>
public sealed class InvalidUtf8Tests(HostileServer server) : ApiTestBase(server), IClassFixture<HostileServer>
{
    // The byte 0xFF, which never occurs in UTF-8, where the template has '¤'; the JSON around it is well formed.
    private static ByteArrayContent JsonWithBadByte(string template)
    {
        var parts = template.Split('¤');
        byte[] bytes = [.. Encoding.UTF8.GetBytes(parts[0]), 0xFF, .. Encoding.UTF8.GetBytes(parts[1])];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Theory]
    [InlineData("/api/workflow-definitions/contact-scheme-phone/execute", """{"input": {"callerKind": "existing", "phone": "¤"}}""", "$.input.phone")]
    [InlineData("/api/workflow-definitions/contact-scheme-phone/dispatch", """{"input": {"callerKind": "existing", "list": ["ok", "a¤"]}}""", "$.input.list[1]")]
    [InlineData("/api/events/claim-reviewed", """{"correlationId": "c-1", "payload": {"text": "¤"}}""", "$.payload.text")]
    [InlineData("/api/workflow-definitions", """{"definitionId": "utf8", "name": "¤", "root": {"type": "Elsa.Flowchart", "activities": [], "connections": []}}""", "$.name")]
    [InlineData("/api/kitchen-lab/warranty-check", """{"handoverDate": "¤"}""", "$.handoverDate")]
    public async Task Post_StringThatIsNotUtf8_Is400AtItsPath(string path, string template, string expected)
    {
        await AssertUnchangedAsync(async () =>
        {
            var keys = await AssertValidationProblemAsync(await Client.PostAsync(path, JsonWithBadByte(template)));

            Assert.Equal([expected], keys);
        });
    }
}
