using System.Collections.Frozen;
using System.Text;

namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// The kebab-case codes the API and workflows use for the warranty enums (<see cref="ItemCategory"/>,
/// <see cref="ClaimCause"/>, <see cref="WarrantyOutcome"/>, <see cref="WarrantyPart"/>): the member
/// name with a hyphen before each inner capital, lower-cased, so <c>UnderSinkModule</c> is
/// <c>under-sink-module</c>. Deriving the codes from the names keeps one list of members, not two.
/// </summary>
public static class WarrantyCodes
{
    /// <summary>The code of an enum member.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a declared member.</exception>
    public static string ToCode<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Codes<TEnum>.ByValue.TryGetValue(value, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a declared {typeof(TEnum).Name}.");

    /// <summary>
    /// Reads a code, ignoring case (ops type codes by hand in the designer). Member names and numbers are
    /// not codes and do not parse.
    /// </summary>
    /// <returns>Whether <paramref name="code"/> is the code of a member.</returns>
    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum => Codes<TEnum>.ByCode.TryGetValue(code ?? "", out value);

    /// <summary>Every code of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Codes<TEnum>.InOrder;

    private static string Kebab(string name)
    {
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(name[i]));
        }

        return code.ToString();
    }

    private static class Codes<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly string[] InOrder = [.. Enum.GetValues<TEnum>().Select(v => Kebab(v.ToString()))];

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByCode =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => Kebab(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
    }
}
