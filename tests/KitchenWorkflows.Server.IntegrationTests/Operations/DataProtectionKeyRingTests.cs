using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Operations;

/// <summary>
/// <c>DataProtection:KeyRingPath</c>: the keys that protect sign-in cookies and the Studio's user tickets live in that
/// folder, so nodes that share it read each other's payloads (a sign-in holds on every node and survives a recreated
/// container), and a node with another key ring does not.
/// </summary>
public sealed class DataProtectionKeyRingTests : IDisposable
{
    // The purpose the Studio's user tickets are protected under (StudioUserTokens).
    private const string Purpose = "KitchenWorkflows.StudioUser.v1";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kw-keyring-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void NodesSharingTheKeyRingFolder_ReadEachOthersPayloads_AnotherKeyRingDoesNot()
    {
        var shared = Path.Combine(_root, "shared");
        using var first = Node(shared);
        using var second = Node(shared);
        using var other = Node(Path.Combine(_root, "other"));

        var payload = Protector(first).Protect("signed in on the first node");

        Assert.NotEmpty(Directory.GetFiles(shared, "key-*.xml"));
        Assert.Equal("signed in on the first node", Protector(second).Unprotect(payload));
        Assert.ThrowsAny<CryptographicException>(() => Protector(other).Unprotect(payload));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static ServerFactory Node(string keyRing) =>
        new() { Settings = new Dictionary<string, string?> { ["DataProtection:KeyRingPath"] = keyRing } };

    private static IDataProtector Protector(ServerFactory node) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
