using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// A definition file with problems opens in the designer, unsaved, with its problems listed by the names ops see, to be
/// fixed there; a file that is not JSON at all is refused with a message that says so.
/// </summary>
public sealed class ImportTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    // The second connection ends at an activity that does not exist: the server refuses to save it.
    private const string Broken = """
        {"id":"import-broken","definitionId":"import-broken","name":"Broken import","version":1,"isPublished":false,
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start","version":1,"metadata":{"designer":{"position":{"x":40,"y":120}}}},
           {"id":"greet","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"Здравствуйте"}},
            "metadata":{"displayText":"Приветствие","designer":{"position":{"x":360,"y":140}}}}],
          "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"greet","port":"In"}},
                         {"source":{"activity":"greet","port":"Done"},"target":{"activity":"nowhere","port":"In"}}]}}
        """;

    [ChromiumFact]
    public async Task Import_DefinitionWithProblems_OpensWithTheProblemsNamedAsOpsSeeThem()
    {
        await StudioPage.RunAsync("import-broken", async page =>
        {
            await OpenListAsync(page);
            await page.Locator("[data-testid=import]").SetInputFilesAsync(new FilePayload { Name = "broken.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(Broken) });

            await page.WaitForURLAsync("**/studio/definitions/import-broken");
            await page.Locator(".kw-node[data-activity-id=greet]").WaitForAsync();
            var problem = page.Locator(".kw-problem").First;
            await Assertions.Expect(problem).ToContainTextAsync("nowhere");
            await Assertions.Expect(problem.Locator(".kw-problem__path")).ToHaveTextAsync("Приветствие");
            Assert.StartsWith("$.root.connections[1]", await problem.GetAttributeAsync("title"), StringComparison.Ordinal);
        });
    }

    [ChromiumFact]
    public async Task Import_FileThatIsNotJson_IsRefusedWithAClearMessage()
    {
        await StudioPage.RunAsync("import-not-json", async page =>
        {
            await OpenListAsync(page);
            await page.Locator("[data-testid=import]").SetInputFilesAsync(new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = "this is not JSON"u8.ToArray() });

            await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("'notes.json' cannot be opened: The JSON is malformed");
            Assert.EndsWith("/studio", page.Url.TrimEnd('/'), StringComparison.Ordinal);
        });
    }

    // The rows come after the page's first interactive render, by when the file input listens for a chosen file.
    private async Task OpenListAsync(IPage page)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
        await page.Locator("[data-definition-id=contact-scheme-phone]").WaitForAsync();
    }
}
