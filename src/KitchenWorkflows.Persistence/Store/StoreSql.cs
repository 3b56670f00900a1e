using System.Text.RegularExpressions;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// One statement of the store, written as SQL text where it is used, and parsed once per process.
/// </summary>
/// <remarks>
/// The convention: tables and columns are written with the EF model's names in double quotes (<c>"WorkflowInstances"."LeaseOwner"</c>),
/// which SQLite and PostgreSQL both read as delimited identifiers, so one text serves both providers; where the two
/// really differ (PostgreSQL's data-modifying CTEs) the store keeps a text per provider. Values are parameters named
/// <c>@name</c>, bound with <see cref="StoreCommand.Bind{TEntity}"/> through the EF type mapping of the column they
/// stand for, so a value is written exactly as EF writes it. A parameter named twice is one value. CTE names and SQL
/// keywords stay unquoted. <c>StoreSqlTests</c> checks every quoted name of every statement against the EF model of
/// both providers.
/// </remarks>
internal sealed partial class StoreSql
{
    private readonly string[] _segments;
    private readonly int[] _placeholders;

    public StoreSql(string text)
    {
        Text = text;
        var segments = new List<string>();
        var placeholders = new List<int>();
        var names = new List<string>();
        var at = 0;
        foreach (Match parameter in ParameterPattern().Matches(text))
        {
            segments.Add(text[at..parameter.Index]);
            var name = parameter.Groups[1].Value;
            var index = names.IndexOf(name);
            if (index < 0)
            {
                index = names.Count;
                names.Add(name);
            }

            placeholders.Add(index);
            at = parameter.Index + parameter.Length;
        }

        segments.Add(text[at..]);
        _segments = [.. segments];
        _placeholders = [.. placeholders];
        Parameters = [.. names];
        Identifiers = [.. IdentifierPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The statement as written.</summary>
    public string Text { get; }

    /// <summary>The distinct parameter names, in order of first use; a value is bound at its index.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The quoted table and column names the statement uses (for the model check).</summary>
    public IReadOnlyList<string> Identifiers { get; }

    /// <summary>The index of a parameter, for binding.</summary>
    /// <exception cref="ArgumentException">The statement has no such parameter.</exception>
    public int IndexOf(string parameter)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (string.Equals(Parameters[i], parameter, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"The statement has no parameter @{parameter}: {Text}", nameof(parameter));
    }

    /// <summary>Writes the text with each parameter's placeholder at <paramref name="first"/> + its index.</summary>
    public void WriteTo(System.Text.StringBuilder text, StoreModel model, int first)
    {
        for (var i = 0; i < _placeholders.Length; i++)
        {
            text.Append(_segments[i]).Append(model.Parameter(first + _placeholders[i]).Placeholder);
        }

        text.Append(_segments[^1]);
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex IdentifierPattern();
}
