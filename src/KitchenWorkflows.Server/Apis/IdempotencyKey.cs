using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>The <c>Idempotency-Key</c> header of the endpoints that start instances, checked one way everywhere.</summary>
internal static class IdempotencyKey
{
    /// <summary>The header's name.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The longest key; the key is stored with the instance it started.</summary>
    public const int MaxLength = 200;

    /// <summary>Adds the error of a present but empty or too long key, keyed by the header's name.</summary>
    public static void Validate(string? key, Dictionary<string, string[]> errors)
    {
        if (key is not null && (key.Length == 0 || key.Length > MaxLength))
        {
            errors[Header] = [$"The key must be 1 to {MaxLength} characters."];
        }
    }

    /// <summary>The validation problem of a bad key, for an endpoint that has nothing else to check; null for a good or absent key.</summary>
    public static ValidationProblem? Problem(string? key)
    {
        var errors = new Dictionary<string, string[]>();
        Validate(key, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
