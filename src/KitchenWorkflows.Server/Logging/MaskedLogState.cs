using System.Collections;
using System.Globalization;
using KitchenWorkflows.Engine.Privacy;

namespace KitchenWorkflows.Server.Logging;

/// <summary>
/// A log entry's or scope's values with personal data masked (<see cref="PersonalDataMasker"/>): by their names
/// (<c>{Phone}</c>) and by what they look like; the message template (<c>{OriginalFormat}</c>) stays as written.
/// Formatters write the pairs (JSON) or the text (simple), so both are masked.
/// </summary>
internal sealed class MaskedLogState(IReadOnlyList<KeyValuePair<string, object?>> pairs, string? text) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    public int Count => pairs.Count;

    public KeyValuePair<string, object?> this[int index] => pairs[index];

    public static MaskedLogState From<TState>(TState state, string? text)
    {
        var masked = state is IEnumerable<KeyValuePair<string, object?>> values
            ? [.. values.Select(p => p.Key == OriginalFormat ? p : new KeyValuePair<string, object?>(p.Key, Mask(p.Key, p.Value)))]
            : new List<KeyValuePair<string, object?>>();
        return new MaskedLogState(masked, PersonalDataMasker.MaskText(text));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text ?? "";

    private static object? Mask(string key, object? value) => value switch
    {
        null or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid => value,
        string or IDictionary<string, object?> or IList => PersonalDataMasker.MaskValue(value, key),
        _ when PersonalDataMasker.IsPersonalKey(key) => PersonalDataMasker.MaskValue(Text(value), key),
        // A Uri, a PathString, an id type: masked as text only when the text holds something to mask.
        _ => Text(value) is { } text && PersonalDataMasker.MaskText(text) is var masked && masked != text ? masked : value,
    };

    private static string? Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture);
}
