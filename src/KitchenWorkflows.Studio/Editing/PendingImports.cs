using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// Imported definitions the server refused to save, handed from the list to the designer, which opens each one unsaved
/// with the server's problems shown, for ops to fix and save, instead of refusing the file. Taken once; scoped to the
/// circuit, so one user's import never opens in another's designer.
/// </summary>
public sealed class PendingImports
{
    private readonly Dictionary<string, (WorkflowDefinition Definition, IReadOnlyDictionary<string, string[]> Errors)> _pending = new(StringComparer.Ordinal);

    /// <summary>Keeps a refused import and the server's errors by JSON path.</summary>
    public void Put(WorkflowDefinition definition, IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _pending[definition.DefinitionId] = (definition, errors);
    }

    /// <summary>The refused import of the definition, with its problems placed; null when there is none.</summary>
    public (WorkflowDefinition Definition, ValidationReport Report)? Take(string definitionId)
    {
        if (!_pending.Remove(definitionId, out var pending))
        {
            return null;
        }

        return (pending.Definition, ValidationReport.From(pending.Definition, pending.Errors));
    }
}
