using System.Net;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// Outside Development the Studio asks for sign-in: the first admin (from configuration) signs in through the sign-in page
/// in Chromium, the Studio's own API calls then run as that user (the workflow list and the export load only for a user the
/// API admits), and signing out closes the Studio again.
/// </summary>
public sealed class SignInTests(ProductionStudioServerFixture server) : IClassFixture<ProductionStudioServerFixture>
{
    [ChromiumFact]
    public async Task Studio_NotDevelopment_SignInShowsWorkflowsAsTheUserAndSignOutClosesIt()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        try
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
            Assert.StartsWith(new Uri(server.BaseAddress, "signin?ReturnUrl=%2Fstudio").ToString(), page.Url, StringComparison.Ordinal);

            await SignInAsync(page, ProductionStudioServerFixture.AdminUserName, "not the password");
            await page.Locator("[data-testid=signin-error]").WaitForAsync();

            await SignInAsync(page, ProductionStudioServerFixture.AdminUserName, ProductionStudioServerFixture.AdminPassword);
            await page.WaitForURLAsync(new Uri(server.BaseAddress, "studio").ToString());
            await page.Locator("[data-definition-id=contact-scheme-phone]").WaitForAsync();
            Assert.Equal(ProductionStudioServerFixture.AdminUserName, await page.Locator("[data-testid=user]").InnerTextAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("signed-in.png") });
            var export = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=contact-scheme-phone]").ClickAsync());
            Assert.Equal("contact-scheme-phone.json", export.SuggestedFilename);
            Assert.Contains("\"definitionId\":\"contact-scheme-phone\"", await File.ReadAllTextAsync((await export.PathAsync())!), StringComparison.Ordinal);

            await page.GetByText("Sign out").ClickAsync();
            await page.Locator("[data-testid=signout]").ClickAsync();
            await page.WaitForURLAsync(new Uri(server.BaseAddress, "signin").ToString());
            var again = await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
            Assert.Equal((int)HttpStatusCode.OK, again!.Status);
            Assert.StartsWith(new Uri(server.BaseAddress, "signin").ToString(), page.Url, StringComparison.Ordinal);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("signin-failure.png") });
            await File.WriteAllTextAsync(Browser.ScreenshotPath("signin-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    internal static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=signin]").ClickAsync();
    }
}
