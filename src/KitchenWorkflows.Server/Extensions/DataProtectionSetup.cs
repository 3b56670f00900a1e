using KitchenWorkflows.Server.Startup;
using Microsoft.AspNetCore.DataProtection;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// The data-protection key ring, which protects the sign-in cookie, the antiforgery tokens and the Studio's user tickets.
/// By default ASP.NET Core keeps it in the user's profile, per machine: a container loses it when it is recreated (every
/// sign-in dies) and two nodes each have their own (a sign-in on one is refused by the other). With
/// <c>DataProtection:KeyRingPath</c> the keys live in that folder, which the nodes of a cluster share.
/// </summary>
internal static class DataProtectionSetup
{
    public const string KeyRingPathSetting = "DataProtection:KeyRingPath";

    // Payloads are bound to the application name, by default the content root: nodes sharing a key ring must agree on it
    // whatever folder each is installed in.
    private const string ApplicationName = "KitchenWorkflows";

    public static void AddServerDataProtection(this WebApplicationBuilder builder)
    {
        var keyRing = builder.Configuration[KeyRingPathSetting];
        if (string.IsNullOrWhiteSpace(keyRing))
        {
            return;
        }

        WritableFolder.Verify(keyRing, "DataProtection__KeyRingPath", "the data-protection key ring folder");
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keyRing)));
    }
}
