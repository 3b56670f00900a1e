using KitchenWorkflows.Engine.Privacy;

namespace KitchenWorkflows.Server.Logging;

/// <summary>
/// Stands in for a logged exception whose message or inner exceptions carry personal data: its text is the original's
/// (type, messages, stack traces) with that data masked. An exception with nothing to mask is logged as it is.
/// </summary>
internal sealed class MaskedException : Exception
{
    private readonly string _text;

    private MaskedException(Exception original, string text)
        : base(PersonalDataMasker.MaskText(original.Message))
    {
        _text = text;
        OriginalType = original.GetType();
    }

    public Type OriginalType { get; }

    public override string? StackTrace => null;

    public static Exception? From(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var masked = PersonalDataMasker.MaskText(text)!;
        return masked == text ? exception : new MaskedException(exception, masked);
    }

    public override string ToString() => _text;
}
