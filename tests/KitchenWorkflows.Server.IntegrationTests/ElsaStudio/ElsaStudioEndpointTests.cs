using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Server.IntegrationTests.Auth;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaStudio;

/// <summary>
/// /elsa-studio: our page around Elsa Studio's custom elements, the short-lived bearer credential it hands them (which the
/// API accepts as the page's user), and the npm package's files, which the build brings next to the server.
/// In Development (this server) the page opens without sign-in, as the development user.
/// </summary>
public sealed class ElsaStudioEndpointTests(SqliteServer server) : ApiTestBase(server), IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Page_HostsTheFourElementsAgainstElsaApi_WithoutOutsideFonts()
    {
        using var anonymous = ClientWithKey(null);

        var response = await anonymous.GetAsync("/elsa-studio");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var element in new[] { "elsa-workflow-definition-list", "elsa-workflow-definition-editor", "elsa-workflow-instance-list", "elsa-workflow-instance-viewer" })
        {
            Assert.Contains($"'{element}'", html, StringComparison.Ordinal);
        }

        Assert.Contains("<base href=\"/elsa-studio/\" />", html, StringComparison.Ordinal);
        Assert.Contains("new URL('../elsa/api', document.baseURI)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/studio\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.googleapis", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ElsaStudiosOwnAddresses_OfAnInstanceAndADefinition_LeadToThePagesViews()
    {
        // Where Elsa Studio's editor sends the browser after a run, and its viewer after "edit".
        using var anonymous = server.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var instance = await anonymous.GetAsync("/elsa-studio/workflows/instances/01a2%20b/view");
        var definition = await anonymous.GetAsync("/elsa-studio/workflows/definitions/contact-scheme-phone/edit");

        Assert.Equal(HttpStatusCode.Redirect, instance.StatusCode);
        Assert.Equal("/elsa-studio#/instances/01a2%20b", instance.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, definition.StatusCode);
        Assert.Equal("/elsa-studio#/definitions/contact-scheme-phone", definition.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Credential_IsABearerTokenOfThePageUser_ThatTheApiAcceptsAndNoOneCanForge()
    {
        using var anonymous = ClientWithKey(null);

        var response = await anonymous.GetAsync("/elsa-studio/credential");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var credential = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(900, (int)credential["expiresIn"]!);
        var token = (string)credential["accessToken"]!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsBearerAsync(anonymous, token)).StatusCode);
        await AssertProblemAsync(await SendAsBearerAsync(anonymous, token[..^4] + "AAAA"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await SendAsBearerAsync(anonymous, "kw_not_a_ticket"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Files_ComeWithTheirMimeTypeAndTheCompressedVariantTheBrowserAccepts()
    {
        // The build copies the package next to the server; a .wasm of the runtime stands for the 1,000 files.
        var framework = Path.Combine(AppContext.BaseDirectory, "elsa-studio", "_framework");
        var wasm = Path.GetFileName(Directory.GetFiles(framework, "dotnet.native.*.wasm").Single());
        using var anonymous = ClientWithKey(null);

        var plain = await anonymous.GetAsync($"/elsa-studio/_framework/{wasm}");
        using var brotliRequest = new HttpRequestMessage(HttpMethod.Get, $"/elsa-studio/_framework/{wasm}");
        brotliRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var brotli = await anonymous.SendAsync(brotliRequest);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("application/wasm", plain.Content.Headers.ContentType?.MediaType);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("\0asm"u8.ToArray(), (await plain.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.OK, brotli.StatusCode);
        Assert.Equal("application/wasm", brotli.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(framework, wasm + ".br")), await brotli.Content.ReadAsByteArrayAsync());
        var icu = await anonymous.GetAsync($"/elsa-studio/_framework/{Path.GetFileName(Directory.GetFiles(framework, "icudt.*.dat").Single())}");
        Assert.Equal("application/octet-stream", icu.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/elsa-studio/_framework/no-such-file.wasm")).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsBearerAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}

/// <summary>Outside Development: the page and its credential need sign-in, like /studio; the package's public files do not.</summary>
public sealed class ElsaStudioSignInTests(SqliteSignInRequiredServer server) : IClassFixture<SqliteSignInRequiredServer>
{
    [Theory]
    [InlineData("/elsa-studio", "/signin?ReturnUrl=%2Felsa-studio")]
    [InlineData("/elsa-studio/credential", "/signin?ReturnUrl=%2Felsa-studio%2Fcredential")]
    public async Task PageAndCredential_Anonymous_RedirectToSignIn(string path, string signIn)
    {
        using var browser = server.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith(signIn, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageFiles_Anonymous_AreServed()
    {
        using var browser = server.Factory.CreateClient(null);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/elsa-studio/_framework/blazor.webassembly.js")).StatusCode);
    }
}
