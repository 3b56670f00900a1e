using System.Globalization;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// What an incident says about an activity's exception. For the failures the engine knows by their exception type,
/// what went wrong and what to do, with the exception's own message kept as the technical detail; for the others,
/// the exception's message as it is, with no detail.
/// </summary>
internal static class FaultExplanation
{
    private const string TimeSpanForms = "such as 00:05:00 (five minutes) or 1.00:00:00 (a day), or a number of seconds";

    // TimeSpan.MaxValue, in whole days.
    private static readonly string LongestTimeSpan = ((long)TimeSpan.MaxValue.TotalDays).ToString("N0", CultureInfo.InvariantCulture) + " days";

    /// <summary>The incident's message and, when the message is an explanation, the exception's message as its detail.</summary>
    public static (string Message, string? Detail) Of(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is ValueConversionException conversion && conversion.TargetType == typeof(TimeSpan))
            {
                return (TimeSpanProblem(conversion), exception.Message);
            }
        }

        return (exception.Message, null);
    }

    private static string TimeSpanProblem(ValueConversionException conversion) => conversion.InnerException is OverflowException
        ? $"The time span {Readable(conversion.Value)} is longer than the longest there can be ({LongestTimeSpan}): give a shorter one, {TimeSpanForms}."
        : $"The value {Readable(conversion.Value)} is not a time span: give one {TimeSpanForms}.";

    // A number of seconds in full digits with thousands separators: 9.223372036854776E+18 reads as nothing to ops.
    private static string Readable(object value) => value switch
    {
        double or float or decimal or long or int => "of " + Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("#,0.###", CultureInfo.InvariantCulture) + " seconds",
        string text => $"'{text}'",
        _ => $"'{value}'",
    };
}
