namespace KitchenWorkflows.Engine.Values;

/// <summary>
/// A workflow value that cannot be read as the type an input or a variable declares. A <see cref="FormatException"/>,
/// as before, so every existing handler of bad values still catches it; it carries the value and the type so that an
/// incident can say what was wrong in the words of the people who run the workflows (<see cref="Execution.FaultExplanation"/>).
/// </summary>
public sealed class ValueConversionException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ValueConversionException(string message, object value, Type targetType, Exception innerException) : base(message, innerException)
    {
        Value = value;
        TargetType = targetType;
    }

    /// <summary>The value, normalized (a string, a number, a list, an object).</summary>
    public object Value { get; }

    /// <summary>The type it had to become.</summary>
    public Type TargetType { get; }
}
