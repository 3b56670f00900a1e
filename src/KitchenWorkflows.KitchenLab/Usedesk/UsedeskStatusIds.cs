using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Usedesk's ticket status ids by the names workflows use. The defaults are Usedesk's documented ids; an
/// account with its own statuses changes them in configuration (<c>Usedesk:Statuses:Done</c>, say).
/// </summary>
public sealed class UsedeskStatusIds
{
    /// <summary>The names a workflow may give, in the order the Studio lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["open", "solved", "closed", "on-hold", "pending", "new", "done"];

    /// <summary>Открыт.</summary>
    [Range(1, int.MaxValue)]
    public int Open { get; set; } = 1;

    /// <summary>Выполнен (solved).</summary>
    [Range(1, int.MaxValue)]
    public int Solved { get; set; } = 2;

    /// <summary>Закрыт.</summary>
    [Range(1, int.MaxValue)]
    public int Closed { get; set; } = 3;

    /// <summary>На удержании.</summary>
    [Range(1, int.MaxValue)]
    public int OnHold { get; set; } = 5;

    /// <summary>В ожидании.</summary>
    [Range(1, int.MaxValue)]
    public int Pending { get; set; } = 6;

    /// <summary>Новый.</summary>
    [Range(1, int.MaxValue)]
    public int New { get; set; } = 8;

    /// <summary>
    /// "Выполнен", set when a manager accepted the request. Usedesk's own "solved" by default; a separate
    /// configurable id because an account may have added a custom status for it.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int Done { get; set; } = 2;

    /// <summary>The id of a status name (case and surrounding spaces ignored); null for an unknown name.</summary>
    public int? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "open" => Open,
        "solved" => Solved,
        "closed" => Closed,
        "on-hold" => OnHold,
        "pending" => Pending,
        "new" => New,
        "done" => Done,
        _ => null,
    };
}
