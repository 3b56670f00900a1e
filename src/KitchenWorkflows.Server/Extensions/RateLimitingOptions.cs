using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Requests to <c>/api</c> per caller in a fixed window: a caller is the signed-in principal's name (an API key id or
/// an account) or, unauthenticated, the remote address. 0 permits turns the limiter off.
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    [Range(0, int.MaxValue)]
    public int PermitLimit { get; set; } = 6_000;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
