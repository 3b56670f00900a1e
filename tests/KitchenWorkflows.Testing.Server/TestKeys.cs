using System.Security.Cryptography;

namespace KitchenWorkflows.Testing.Server;

/// <summary>API keys the tests configure as the server's <c>Auth:BootstrapAdminKey</c>.</summary>
public static class TestKeys
{
    public const string Header = "X-Api-Key";

    /// <summary>A fresh admin key in the server's key form, <c>kw_&lt;id&gt;_&lt;secret&gt;</c>.</summary>
    public static string NewAdminKey() =>
        "kw_testadmin_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);

    /// <summary>A client of the address that sends the key.</summary>
    public static HttpClient Client(Uri baseAddress, string? apiKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(Header, apiKey);
        }

        return client;
    }
}
