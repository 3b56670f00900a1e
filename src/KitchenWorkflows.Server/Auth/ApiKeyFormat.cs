using System.Security.Cryptography;
using System.Text;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// API keys are <c>kw_&lt;id&gt;_&lt;secret&gt;</c>: the id finds the stored row (it is not secret: lists and the audit log show it), the
/// secret is checked against a salted PBKDF2-SHA256 hash in constant time. A generated secret is 40 random letters and
/// digits (238 bits), so the hash needs no heavy stretching to be safe; the cost of 10,000 rounds (a few ms) is paid once
/// per key per cache period.
/// </summary>
internal static class ApiKeyFormat
{
    private const string Prefix = "kw_";
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int Iterations = 10_000;
    private const int MinSecretLength = 32;
    private const int MaxKeyLength = 200;

    /// <summary>A new random key.</summary>
    public static (string Id, string Secret, string Key) Generate()
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, 12);
        var secret = RandomNumberGenerator.GetString(SecretAlphabet, 40);
        return (id, secret, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented key; false for anything that is not of the form.</summary>
    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || key.Length > MaxKeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        if (separator < 0)
        {
            return false;
        }

        var candidateId = key[Prefix.Length..separator];
        var candidateSecret = key[(separator + 1)..];
        if (candidateId.Length is < 4 or > 32 || !candidateId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || candidateSecret.Length < MinSecretLength || !candidateSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        (id, secret) = (candidateId, candidateSecret);
        return true;
    }

    public static (string Salt, string Hash) HashSecret(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(salt), Convert.ToBase64String(Derive(secret, salt)));
    }

    public static bool Verify(string secret, string salt, string hash) =>
        CryptographicOperations.FixedTimeEquals(Derive(secret, Convert.FromBase64String(salt)), Convert.FromBase64String(hash));

    /// <summary>The cache key of a presented key: its SHA-256, so the plain key is kept nowhere, not even in memory.</summary>
    public static string Fingerprint(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static byte[] Derive(string secret, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
