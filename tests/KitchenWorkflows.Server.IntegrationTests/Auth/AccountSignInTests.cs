using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitchenWorkflows.Studio.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>
/// Local accounts: the first admin from configuration, sign-in with a password (the cookie then opens the Studio, the
/// dashboard and the API as the user's roles allow), changes to an account holding for open sessions, and the Studio's
/// calls on behalf of its user, which the API checks like any credential.
/// </summary>
public abstract partial class AccountSignInTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task FirstStart_CreatesTheConfiguredAdminWithTheOpsRoles()
    {
        var accounts = (await Client.GetFromJsonAsync<JsonArray>("/api/admin/accounts"))!;

        var admin = accounts.Single(a => (string)a!["userName"]! == FirstAdmin.UserName)!;
        Assert.Equal(["admin", "designer", "operator"], admin["roles"]!.AsArray().Select(r => (string)r!));
        Assert.False((bool)admin["isDisabled"]!);
        var audit = (await Client.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action=account.create&entityId={FirstAdmin.UserName}"))!;
        Assert.Equal("system", (string?)Assert.Single(audit["items"]!.AsArray())!["actor"]);
    }

    [ProviderFact]
    public async Task SignIn_RightPassword_CookieOpensStudioDashboardAndApi_SignOutCloses()
    {
        using var browser = Browser();
        await AssertSignInFailsAsync(browser, FirstAdmin.UserName, "wrong password!");

        var signedIn = await SignInAsync(browser, FirstAdmin.UserName, FirstAdmin.Password, returnUrl: "/studio/instances");

        Assert.Equal("/studio/instances", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/studio/instances")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/admin/accounts")).StatusCode);

        var token = await AntiforgeryTokenAsync(browser, "/signout");
        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/studio")).StatusCode);
        await AssertProblemAsync(await browser.GetAsync("/api/workflow-definitions"), HttpStatusCode.Unauthorized);
    }

    [ProviderFact]
    public async Task AccountChanges_RolesAndDisabling_HoldForAnOpenSession()
    {
        var userName = NewId("op");
        var created = await Client.PostAsJsonAsync("/api/admin/accounts", new { userName, password = "operator-password-1", roles = new[] { "operator" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var browser = Browser();
        await SignInAsync(browser, userName, "operator-password-1");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        await AssertProblemAsync(await browser.GetAsync("/api/admin/api-keys"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await browser.PostAsync("/api/workflow-definitions", Json("{}")), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await Client.PatchAsJsonAsync($"/api/admin/accounts/{userName}", new { roles = new[] { "designer" } })).StatusCode);
        var dashboard = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/signin", dashboard.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        await AssertValidationProblemAsync(await browser.PostAsync("/api/workflow-definitions", Json("{}")));

        Assert.Equal(HttpStatusCode.OK, (await Client.PatchAsJsonAsync($"/api/admin/accounts/{userName}", new { isDisabled = true })).StatusCode);
        await AssertProblemAsync(await browser.GetAsync("/api/workflow-definitions"), HttpStatusCode.Unauthorized);
        using var again = Browser();
        await AssertSignInFailsAsync(again, userName, "operator-password-1");
        var audit = (await Client.GetFromJsonAsync<JsonObject>($"/api/admin/audit?entityType=account&entityId={userName}"))!["items"]!.AsArray();
        Assert.Equal(["account.update", "account.update", "account.create"], audit.Select(r => (string)r!["action"]!));
    }

    [ProviderFact]
    public async Task StudioUserToken_IsCheckedByTheApi_LikeAnyCredential()
    {
        var userName = NewId("designer");
        await Client.PostAsJsonAsync("/api/admin/accounts", new { userName, password = "designer-password-1", roles = new[] { "designer" } });
        var credentials = Factory.Services.GetRequiredService<IStudioUserCredentials>();
        using var anonymous = ClientWithKey(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(AsStudioUser(credentials, userName, "account"))).StatusCode);
        using (var forged = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions"))
        {
            forged.Headers.Add("X-Studio-User", "CfDJ8-not-a-ticket");
            await AssertProblemAsync(await anonymous.SendAsync(forged), HttpStatusCode.Unauthorized);
        }

        // The Studio's nobody-signed-in user of Development is refused once sign-in is required.
        await AssertProblemAsync(await anonymous.SendAsync(AsStudioUser(credentials, "development", "development")), HttpStatusCode.Unauthorized);
        // An anonymous circuit gets no credentials at all.
        using (var unsigned = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions"))
        {
            credentials.Apply(unsigned, new ClaimsPrincipal(new ClaimsIdentity()));
            Assert.False(unsigned.Headers.Contains("X-Studio-User"));
        }

        await Client.PatchAsJsonAsync($"/api/admin/accounts/{userName}", new { isDisabled = true });
        await AssertProblemAsync(await anonymous.SendAsync(AsStudioUser(credentials, userName, "account")), HttpStatusCode.Unauthorized);
    }

    [ProviderFact]
    public async Task CreateAccount_InvalidOrTaken_Returns400Or409()
    {
        var errors = await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/admin/accounts", new { userName = "a b", password = "short", roles = new[] { "api-client" } }));
        Assert.Equal(["password", "roles[0]", "userName"], errors.Order(StringComparer.Ordinal));
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/admin/accounts", new { userName = FirstAdmin.UserName.ToUpperInvariant(), password = "long-enough-password" }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Client.PatchAsJsonAsync($"/api/admin/accounts/{NewId("nobody")}", new { isDisabled = true }), HttpStatusCode.NotFound);
        Assert.Equal(["$"], await AssertValidationProblemAsync(await Client.PatchAsJsonAsync($"/api/admin/accounts/{FirstAdmin.UserName}", new { })));
    }

    private static HttpRequestMessage AsStudioUser(IStudioUserCredentials credentials, string userName, string kind)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim("kw:kind", kind), new Claim(ClaimTypes.Role, "designer")], "Cookies");
        credentials.Apply(request, new ClaimsPrincipal(identity));
        Assert.True(request.Headers.Contains("X-Studio-User"));
        return request;
    }

    /// <summary>A client that keeps cookies and shows redirects, as a browser's requests look to the server.</summary>
    private HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string returnUrl = "/studio")
    {
        var response = await PostSignInAsync(browser, userName, password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static async Task AssertSignInFailsAsync(HttpClient browser, string userName, string password)
    {
        var response = await PostSignInAsync(browser, userName, password, "/studio");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertProblemAsync(await browser.GetAsync("/api/workflow-definitions"), HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string userName, string password, string returnUrl)
    {
        var token = await AntiforgeryTokenAsync(browser, "/signin");
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return TokenField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public sealed class Sqlite(SqliteFirstAdminServer server) : AccountSignInTests(server), IClassFixture<SqliteFirstAdminServer>;

    public sealed class PostgreSql(PostgreSqlFirstAdminServer server) : AccountSignInTests(server), IClassFixture<PostgreSqlFirstAdminServer>;
}
