using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// The real Elsa Studio (npm's @elsa-workflows/elsa-studio-wasm, brought in by the build) at /elsa-studio of the real
/// server, in Chromium: it boots from the server's files and calls /elsa/api with the short-lived credential the page
/// hands it, as the page's user, and the renewed one once the page renewed it.
/// </summary>
public sealed class ElsaStudioTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    // The WebAssembly runtime is some 30 MB to load and start: on a loaded machine that takes long.
    private const float BootTimeout = 180_000;

    [ChromiumFact]
    public async Task ElsaStudio_BootsFromTheServer_AndCallsElsaApiWithThePagesCredential()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var files = new ConcurrentQueue<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/elsa-studio/", StringComparison.Ordinal))
            {
                files.Enqueue(response);
            }
        };
        await RecordFailureAsync(page, "elsa-studio-boot", async () =>
        {
            var firstCall = page.WaitForRequestAsync(r => r.Url.Contains("/elsa/api/workflow-definitions?", StringComparison.Ordinal),
                new PageWaitForRequestOptions { Timeout = BootTimeout });
            await page.GotoAsync(new Uri(server.BaseAddress, "elsa-studio").ToString());

            var call = await firstCall;
            var token = await PageCredentialAsync(page);
            Assert.Equal("Bearer " + token, await call.HeaderValueAsync("authorization"));
            Assert.StartsWith(new Uri(server.BaseAddress, "elsa/api/workflow-definitions?versionOptions=Latest&").ToString(), call.Url, StringComparison.Ordinal);
            await page.Locator("elsa-workflow-definition-list").GetByText("Definition ID").WaitForAsync(new LocatorWaitForOptions { Timeout = BootTimeout });
            Assert.All(files, f => Assert.True(f.Status < 400, $"{f.Url}: {f.Status}"));
            Assert.Contains(files, f => f.Url.EndsWith(".wasm", StringComparison.Ordinal) && f.Headers["content-type"] == "application/wasm");

            // The same credential is the development user's at the API.
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/workflow-definitions");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);

            // Renewed (the page does it every five minutes), the credential is what the element already open sends next.
            await page.EvaluateAsync("renew()");
            await page.Locator("elsa-backend-provider").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            var renewed = await page.EvaluateAsync<string>("accessToken");
            Assert.NotEqual(token, renewed);
            var search = page.WaitForRequestAsync(r => r.Url.Contains("SearchTerm=kitchen", StringComparison.Ordinal), new PageWaitForRequestOptions { Timeout = BootTimeout });
            await page.Locator("elsa-workflow-definition-list").GetByPlaceholder("Search").FillAsync("kitchen");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("Bearer " + renewed, await (await search).HeaderValueAsync("authorization"));
        });
    }

    /// <summary>
    /// The walk of issue 17 as far as a stand-in of Elsa's API showed the elements' behaviour: the list shows the shipped
    /// workflows, a row opens the editor on that definition, the instances page lists instances, and nothing raises
    /// Blazor's "An unhandled error has occurred" on the way. Needs the server's /elsa/api (issue 17, item 1).
    /// </summary>
    [ChromiumFact(Skip = "Open (issue 17): against the merged /elsa/api the list renders, but choosing contact-scheme-phone does not yet navigate to the editor (60 s timeout at the #/definitions/ address).")]
    public async Task ElsaStudio_ListEditorInstances_ShowTheShippedWorkflowsWithoutAnUnhandledError()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 950 } });
        page.SetDefaultTimeout(60_000);
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            // Blazor reports an unhandled exception as a "crit:" log line on the console.
            if (message.Type == "error" && message.Text.StartsWith("crit:", StringComparison.Ordinal))
            {
                errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Enqueue(error);
        await RecordFailureAsync(page, "elsa-studio-walk", async () =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "elsa-studio").ToString());
            var list = page.Locator("elsa-workflow-definition-list");
            await list.GetByText("contact-scheme-phone", new LocatorGetByTextOptions { Exact = true }).WaitForAsync(new LocatorWaitForOptions { Timeout = BootTimeout });
            await Browser.ReadmeScreenshotAsync(page, "elsa-studio-list.png", "elsa-studio-list.png");

            await list.GetByText("contact-scheme-phone", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/elsa-studio/**#/definitions/contact-scheme-phone");
            var editor = page.Locator("elsa-workflow-definition-editor");
            await editor.GetByText("Definition ID").WaitForAsync();
            await editor.GetByText("contact-scheme-phone", new LocatorGetByTextOptions { Exact = true }).First.WaitForAsync();
            await Browser.ReadmeScreenshotAsync(page, "elsa-studio-editor.png", "elsa-studio-editor.png");

            await page.Locator("[data-section=instances]").ClickAsync();
            await page.Locator("elsa-workflow-instance-list").WaitForAsync();
            await page.Locator("elsa-workflow-instance-list table").WaitForAsync();

            Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync());
            Assert.Empty(errors);
        });
    }

    /// <summary>The credential our page hands the elements (the JSON it embeds).</summary>
    internal static async Task<string> PageCredentialAsync(IPage page) =>
        (string)JsonNode.Parse((await page.Locator("#elsa-credential").TextContentAsync())!)!["accessToken"]!;

    /// <summary>Runs <paramref name="steps"/>; when they fail, keeps what the page showed and what its console said.</summary>
    internal static async Task RecordFailureAsync(IPage page, string name, Func<Task> steps)
    {
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Enqueue("page error: " + error);
        try
        {
            await steps();
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name + "-failure.png") });
            await File.WriteAllLinesAsync(Browser.ScreenshotPath(name + "-failure-console.txt"), console);
            throw;
        }
    }
}

/// <summary>Outside Development /elsa-studio asks for sign-in like /studio, and its credential is the signed-in user's.</summary>
public sealed class ElsaStudioSignInTests(ProductionStudioServerFixture server) : IClassFixture<ProductionStudioServerFixture>
{
    [ChromiumFact]
    public async Task ElsaStudio_NotDevelopment_SignInFirst_ThenTheElementsCallAsTheUser()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await ElsaStudioTests.RecordFailureAsync(page, "elsa-studio-signin", async () =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "elsa-studio").ToString());
            Assert.StartsWith(new Uri(server.BaseAddress, "signin?ReturnUrl=%2Felsa-studio").ToString(), page.Url, StringComparison.Ordinal);

            var firstCall = page.WaitForRequestAsync(r => r.Url.Contains("/elsa/api/", StringComparison.Ordinal), new PageWaitForRequestOptions { Timeout = 180_000 });
            await SignInTests.SignInAsync(page, ProductionStudioServerFixture.AdminUserName, ProductionStudioServerFixture.AdminPassword);
            await page.WaitForURLAsync(new Uri(server.BaseAddress, "elsa-studio").ToString());

            var token = await ElsaStudioTests.PageCredentialAsync(page);
            Assert.Equal("Bearer " + token, await (await firstCall).HeaderValueAsync("authorization"));
            // The credential is the signed-in admin's: it may read the audit log, which only admins may.
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/admin/audit?pageSize=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        });
    }
}
