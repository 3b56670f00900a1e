using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KitchenWorkflows.Server.Startup;

/// <summary>
/// Turns the exceptions a start-up fails with for a reason outside the code (a bad setting, an unreachable database)
/// into a <see cref="StartupFailure"/>: one line saying what is wrong and what to do. Anything else is a bug and keeps
/// its stack trace.
/// </summary>
internal static partial class StartupFailures
{
    public static StartupFailure? Explain(Exception exception) => exception switch
    {
        StartupFailure failure => failure,
        OptionsValidationException invalid => new StartupFailure(
            $"Invalid settings: {OneLine(string.Join(" ", invalid.Failures))} Fix them (as environment variables, ':' is '__') and start again.", invalid),
        InvalidOperationException { Message: var message } binding when UnconvertibleSetting().Match(message) is { Success: true } match =>
            new StartupFailure(DescribeUnconvertible(match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value), binding),
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse => new StartupFailure(
            $"{OneLine(inUse.Message)} Another process listens there: stop it, or give this server a free address with --urls (under dotnet run: -- --urls).",
            inUse),
        _ when Find<NpgsqlException>(exception) is { } database => new StartupFailure(
            $"PostgreSQL cannot be used: {OneLine(database.Message)}. Start it, or fix ConnectionStrings__PostgreSql (host, port, database, user, password).",
            exception),
        _ => null,
    };

    /// <summary>The same text on one line: messages of outside libraries may hold line breaks.</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string DescribeUnconvertible(string value, string key, string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        var expected = type is { IsEnum: true } ? "one of " + string.Join(", ", Enum.GetNames(type)) : "a " + (type?.Name ?? typeName);
        return $"The setting {key} ({key.Replace(":", "__", StringComparison.Ordinal)}) is '{value}', which is not {expected}. Fix it and start again.";
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    // Microsoft.Extensions.Configuration.Binder's message for a value it cannot convert (an unknown enum name, a number
    // that is not one); it names neither in a property of its own.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex UnconvertibleSetting();
}
