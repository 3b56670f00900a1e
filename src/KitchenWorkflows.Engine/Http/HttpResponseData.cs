namespace KitchenWorkflows.Engine.Http;

/// <summary>What <c>Elsa.WriteHttpResponse</c> answers: the host writes it to the waiting request as it is.</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="ContentType">The content type; null with no content.</param>
/// <param name="Content">The body; null for none.</param>
/// <param name="Headers">Further response headers, each with its values (Elsa's <c>HttpHeaders</c> give a list, or one value).</param>
public sealed record HttpResponseData(int StatusCode, string? ContentType, string? Content, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers);
