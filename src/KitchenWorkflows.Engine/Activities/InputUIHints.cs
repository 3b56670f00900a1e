namespace KitchenWorkflows.Engine.Activities;

/// <summary>The editors the Studio offers for inputs.</summary>
public static class InputUIHints
{
    /// <summary>A one-line text box.</summary>
    public const string SingleLine = "single-line";

    /// <summary>A multi-line text area (scripts to customers, message bodies).</summary>
    public const string MultiLine = "multi-line";

    /// <summary>A number field.</summary>
    public const string Number = "number";

    /// <summary>A checkbox.</summary>
    public const string Checkbox = "checkbox";

    /// <summary>A choice among <see cref="InputAttribute.Options"/>.</summary>
    public const string Dropdown = "dropdown";

    /// <summary>A list of strings.</summary>
    public const string MultiText = "multi-text";

    /// <summary>A code editor (JavaScript).</summary>
    public const string Code = "code-editor";

    /// <summary>A JSON editor.</summary>
    public const string Json = "json-editor";

    /// <summary>A workflow variable picker.</summary>
    public const string VariablePicker = "variable-picker";
}
