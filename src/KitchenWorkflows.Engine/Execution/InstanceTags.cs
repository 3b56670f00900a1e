namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// The rules of instance tags (<see cref="WorkflowInstanceState.Tags"/>): a name of at most
/// <see cref="MaxNameLength"/> characters without a colon (the list filter writes <c>name:value</c>), and a value of at
/// most <see cref="MaxValueLength"/> characters. Setting an empty or null value removes the tag.
/// </summary>
public static class InstanceTags
{
    /// <summary>The longest tag name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest tag value; values are indexed, so they stay short.</summary>
    public const int MaxValueLength = 400;

    /// <summary>Sets or, for an empty value, removes a tag of the instance.</summary>
    /// <exception cref="ArgumentException">The name or the value breaks the rules above.</exception>
    public static void Set(WorkflowInstanceState state, string? name, string? value)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A tag name is 1 to {MaxNameLength} characters without ':'; '{name}' is not.", nameof(name));
        }

        if (string.IsNullOrEmpty(value))
        {
            state.Tags.Remove(name);
            return;
        }

        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"The value of tag '{name}' is longer than {MaxValueLength} characters.", nameof(value));
        }

        state.Tags[name] = value;
    }
}
