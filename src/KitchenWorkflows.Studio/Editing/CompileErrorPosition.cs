using System.Globalization;
using System.Text.RegularExpressions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>Where a compile error the server reports points: "Line 3: …" (Jint) or "… (3:14)" (Acornima, Fluid); else the start.</summary>
public static partial class CompileErrorPosition
{
    public static (int Line, int Column) Of(string? message)
    {
        if (message is not null && LineAndColumn().Match(message) is { Success: true } both)
        {
            return (Number(both.Groups[1]), Number(both.Groups[2]));
        }

        if (message is not null && LineOnly().Match(message) is { Success: true } line)
        {
            return (Number(line.Groups[1]), 1);
        }

        return (1, 1);
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex LineAndColumn();

    [GeneratedRegex(@"[Ll]ine (\d+)")]
    private static partial Regex LineOnly();
}
