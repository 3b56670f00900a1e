using System.Text.Json;
using KitchenWorkflows.Engine.Alterations;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>A plan's alterations as its row keeps them: Elsa's JSON shape, with the <c>type</c> discriminator.</summary>
public static class PlannedAlterations
{
    /// <summary>Writes the alterations.</summary>
    public static string Write(IReadOnlyList<Alteration> alterations) => JsonSerializer.Serialize(alterations, JsonSerializerOptions.Web);

    /// <summary>Reads what <see cref="Write"/> wrote; none for a plan without alterations.</summary>
    public static IReadOnlyList<Alteration> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<Alteration>>(json, JsonSerializerOptions.Web) ?? [];
}
