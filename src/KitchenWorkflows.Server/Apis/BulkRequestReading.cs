using System.Text.Json;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Bulk;
using KitchenWorkflows.Persistence.Instances;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Reads a bulk request's operation and selection, noting each problem under its field.</summary>
internal static class BulkRequestReading
{
    public static BulkOperation? Operation(string? operation, Dictionary<string, string[]> errors)
    {
        // Alterations are planned through /api/alterations, with the alterations they apply.
        if (Enum.TryParse<BulkOperation>(operation, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && parsed != BulkOperation.Alter)
        {
            return parsed;
        }

        errors["operation"] = ["Use cancel, retry or delete."];
        return null;
    }

    public static BulkSelection? Selection(IReadOnlyList<string>? instanceIds, BulkFilterRequest? filter, Dictionary<string, string[]> errors)
    {
        if ((instanceIds is null) == (filter is null))
        {
            errors["instanceIds"] = ["Give either instanceIds or a filter."];
            return null;
        }

        if (filter is null)
        {
            var ids = instanceIds!;
            if (ids.Count is 0 or > BulkPlans.MaxInstances || ids.Any(string.IsNullOrWhiteSpace))
            {
                errors["instanceIds"] = [$"Give 1 to {BulkPlans.MaxInstances} instance ids."];
                return null;
            }

            return new BulkSelection([.. ids.Distinct(StringComparer.Ordinal)], null, $"{ids.Count} instance id(s)");
        }

        var status = Parse<WorkflowStatus>(filter.Status, "filter.status", errors);
        var subStatus = Parse<WorkflowSubStatus>(filter.SubStatus, "filter.subStatus", errors);
        if (filter is { DefinitionId: null, Status: null, SubStatus: null, CorrelationId: null } && (filter.Tags is null || filter.Tags.Count == 0))
        {
            // An empty filter would be every instance there is: say so on purpose, by a status at least.
            errors["filter"] = ["Give at least one of definitionId, status, subStatus, correlationId or tags."];
        }

        return errors.Count > 0 ? null : new BulkSelection(null, new InstanceFilter
        {
            DefinitionId = filter.DefinitionId,
            Status = status,
            SubStatus = subStatus,
            CorrelationId = filter.CorrelationId,
            Tags = [.. filter.Tags ?? new Dictionary<string, string>()],
        }, "filter " + JsonSerializer.Serialize(filter, JsonSerializerOptions.Web));
    }

    private static TEnum? Parse<TEnum>(string? value, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [$"Use one of {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}
