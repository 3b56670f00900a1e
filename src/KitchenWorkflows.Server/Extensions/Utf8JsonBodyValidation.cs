using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Refuses a JSON body whose strings are not valid UTF-8, with a 400 keyed by the JSON path of the first bad string,
/// before any endpoint sees it. System.Text.Json checks a string's bytes only when the string is read, so a bad string
/// inside a free-form part (a workflow's input, an event's payload, a definition) would otherwise surface half-way
/// through a request, as a 500.
/// </summary>
internal sealed class Utf8JsonBodyValidation(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.HasJsonContentType())
        {
            // Minimal APIs read a JSON body whole anyway: reading it first costs one copy of a small body.
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            if (!Utf8.IsValid(bytes))
            {
                await RefuseAsync(context, FindInvalidString(bytes) ?? "$");
                return;
            }

            body.Position = 0;
            request.Body = body;
        }

        await next(context);
    }

    /// <summary>The JSON path of the first string (or property name) that is not valid UTF-8; null if there is none or the text is not JSON.</summary>
    internal static string? FindInvalidString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read())
            {
                path.Enter(reader.TokenType);
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsValidString(ref reader))
                {
                    return path.Describe(atPropertyName: reader.TokenType == JsonTokenType.PropertyName);
                }

                path.Leave(ref reader);
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the endpoint's own parser reports that, with its own path.
        }

        return null;
    }

    private static bool IsValidString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task RefuseAsync(HttpContext context, string path)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = ["The string is not valid UTF-8."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON.",
        };
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Follows the reader through objects and arrays, to name where a token is as <c>$.a.b[2]</c>.</summary>
    private sealed class JsonPathTracker
    {
        private readonly List<(bool IsArray, int Index, string? Property)> _containers = [];

        /// <summary>Before a token is looked at: a value inside an array is its next element.</summary>
        public void Enter(JsonTokenType token)
        {
            if (token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray) && _containers.Count > 0 && _containers[^1].IsArray)
            {
                _containers[^1] = _containers[^1] with { Index = _containers[^1].Index + 1 };
            }
        }

        /// <summary>After a token was looked at: objects and arrays open and close, a property name names what follows.</summary>
        public void Leave(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _containers[^1] = _containers[^1] with { Property = reader.GetString() };
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    _containers.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _containers.RemoveAt(_containers.Count - 1);
                    break;
            }
        }

        // A bad property name is reported at its object: its own text cannot be shown.
        public string Describe(bool atPropertyName)
        {
            var text = new StringBuilder("$");
            for (var i = 0; i < _containers.Count; i++)
            {
                var (isArray, index, property) = _containers[i];
                if (isArray)
                {
                    text.Append('[').Append(index).Append(']');
                }
                else if (property is not null && !(atPropertyName && i == _containers.Count - 1))
                {
                    text.Append('.').Append(property);
                }
            }

            return text.ToString();
        }
    }
}
