namespace KitchenWorkflows.Testing.StandIns;

/// <summary>What a <see cref="ScriptedStandIn"/> answers; <see cref="Drop"/> breaks the connection in the middle of the response.</summary>
public sealed record StandInResponse(int StatusCode = 200, string Body = "", string ContentType = "text/plain", bool Drop = false, string? Location = null)
{
    public static StandInResponse Redirect(string location, int statusCode = 302) => new(statusCode, Location: location);

    public static StandInResponse Json(string body, int statusCode = 200) => new(statusCode, body, "application/json");

    public static StandInResponse Dropped { get; } = new(Drop: true);
}
