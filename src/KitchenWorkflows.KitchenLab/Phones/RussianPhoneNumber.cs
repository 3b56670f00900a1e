using System.Diagnostics.CodeAnalysis;

namespace KitchenWorkflows.KitchenLab.Phones;

/// <summary>
/// Validates Russian phone numbers as people write them (<c>8 (916) 123-45-67</c>, <c>+7 916 1234567</c>,
/// <c>79161234567</c>, <c>916-123-45-67</c>) and writes them as <c>+7XXXXXXXXXX</c>, the form SMS gateways expect.
/// </summary>
public static class RussianPhoneNumber
{
    private const int NationalLength = 10;

    /// <summary>Normalises a number to <c>+7XXXXXXXXXX</c>; false when it is not a Russian number.</summary>
    /// <param name="input">The number as written: an optional <c>+7</c>, <c>7</c> or <c>8</c>, then ten digits, with spaces, dashes, dots or brackets anywhere.</param>
    /// <param name="normalized">The number as <c>+7</c> and ten digits.</param>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Trim();
        var international = text.StartsWith('+');
        Span<char> digits = stackalloc char[12];
        var count = 0;
        foreach (var c in international ? text.AsSpan(1) : text.AsSpan())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '\u00A0'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> national = count switch
        {
            NationalLength + 1 when digits[0] == '7' => digits[1..count],
            // 8 is the trunk prefix of domestic dialling; "+8" is not a Russian number.
            NationalLength + 1 when digits[0] == '8' && !international => digits[1..count],
            // Ten digits led by 8 are far likelier a trunk prefix with a digit missing than an 8xx number without one.
            NationalLength when !international && digits[0] != '8' => digits[..count],
            _ => [],
        };

        // Russian codes start with 3, 4, 8 or 9; +7 6xx and +7 7xx belong to Kazakhstan.
        if (national.Length != NationalLength || national[0] is not ('3' or '4' or '8' or '9'))
        {
            return false;
        }

        normalized = string.Concat("+7", national);
        return true;
    }

    /// <summary>Whether a normalised number is a mobile one (<c>+79…</c>), the only kind that receives SMS.</summary>
    public static bool IsMobile(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return normalized.Length == NationalLength + 2 && normalized.StartsWith("+79", StringComparison.Ordinal);
    }
}
