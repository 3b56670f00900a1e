using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// An incident ops can act on: the shipped hotline scheme on a server without an SMS gateway faults at the SMS; the
/// instance view says what to set (the validation message folded beneath), and Retry, still without a gateway, says
/// that it faulted again instead of reporting success.
/// </summary>
public sealed class IncidentTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    private const string Explained = "The SMS gateway is not configured: set Sms__BaseUrl and Sms__Token, then Retry.";

    [ChromiumFact]
    public async Task Instance_SmsGatewayNotConfigured_SaysWhatToSet_RetrySaysItFaultedAgain()
    {
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        var started = await http.PostAsJsonAsync("api/workflow-definitions/contact-scheme-phone/execute", new { input = new { callerKind = "existing", phone = "+7 916 123-45-67" } });
        var instance = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Faulted", instance["subStatus"]!.GetValue<string>());

        await StudioPage.RunAsync("incident", async page =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, $"studio/instances/{instance["workflowInstanceId"]}").ToString());
            await page.GetByRole(AriaRole.Tab, new() { Name = "Incidents" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=incident-message]")).ToHaveTextAsync(Explained);
            var detail = page.Locator("[data-testid=incident-detail] pre");
            await Assertions.Expect(detail).ToBeHiddenAsync();
            await page.Locator("[data-testid=incident-detail] summary").ClickAsync();
            await Assertions.Expect(detail).ToContainTextAsync("SmsOptions");

            await page.Locator("[data-testid=retry]").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Retried, and it faulted again: " + Explained);
        });
    }
}
