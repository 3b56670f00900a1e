using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.HttpWorkflows;

/// <summary>
/// Serves the paths of <c>Elsa.HttpEndpoint</c> activities under <see cref="HttpWorkflowsOptions.BasePath"/>
/// (<c>/workflows/{**path}</c>, Elsa's default), every method: a path no published trigger or waiting instance listens on
/// is 404, a method the matching endpoints do not accept 405 (with <c>Allow</c>), a call that matches several
/// workflows 409 (Elsa's "ambiguous", never a 500). A waiting instance is picked, as in Elsa, by
/// <c>?workflowInstanceId=</c> / <c>X-Workflow-Instance-ID</c> or <c>?correlationId=</c> / <c>X-Correlation-ID</c>.
/// </summary>
internal static class HttpWorkflowsEndpoints
{
    public static void AddHttpWorkflows(this IServiceCollection services)
    {
        services.AddOptions<HttpWorkflowsOptions>().BindConfiguration(HttpWorkflowsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HttpEndpointAccess>();
        services.AddSingleton<HttpRequestReader>();
        services.AddSingleton<HttpWorkflowRunner>();
    }

    public static void MapHttpWorkflows(this WebApplication app)
    {
        var basePath = app.Services.GetRequiredService<IOptions<HttpWorkflowsOptions>>().Value.BasePath;
        // Open to anonymous callers at the door: whether one may call depends on the endpoint found (HttpEndpointAccess).
        app.Map(basePath + "/{**path}", HandleAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, string? path, HttpEndpointTargets targets, HttpEndpointAccess access, HttpRequestReader reader, HttpWorkflowRunner runner)
    {
        path = RouteTemplate.Normalize(path ?? "");
        var method = http.Request.Method.ToUpperInvariant();
        var correlationId = Selected(http, "correlationId", "X-Correlation-ID");
        var found = await targets.FindAsync(path, Selected(http, "workflowInstanceId", "X-Workflow-Instance-ID"), correlationId, http.RequestAborted);
        if (found.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No workflow listens on '{path}'.");
        }

        var accepting = found.Where(t => t.Route.Accepts(method)).ToList();
        if (accepting.Count == 0)
        {
            http.Response.Headers.Allow = string.Join(", ", found.SelectMany(t => t.Route.Methods).Distinct());
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed.",
                detail: $"'{path}' accepts {http.Response.Headers.Allow}, not {method}.");
        }

        if (accepting.Count > 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call is ambiguous.",
                detail: $"'{method} {path}' matches several workflows: {string.Join(", ", accepting.Select(t => t.InstanceId ?? t.DefinitionId))}. Name the instance (?workflowInstanceId=) or correlation (?correlationId=).");
        }

        var target = accepting[0];
        if (access.Refuse(http, target) is { } refused)
        {
            return refused;
        }

        var request = await reader.ReadAsync(http.Request, path, target.RouteValues, http.RequestAborted);
        return await runner.RunAsync(http, target, request, correlationId);
    }

    private static string? Selected(HttpContext http, string queryKey, string header) =>
        http.Request.Query[queryKey].FirstOrDefault() is { Length: > 0 } fromQuery ? fromQuery
        : http.Request.Headers[header].FirstOrDefault() is { Length: > 0 } fromHeader ? fromHeader : null;
}
