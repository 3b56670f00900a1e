using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Titles the OpenAPI document.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "KitchenWorkflows API",
            Version = "v1",
            Description = "Start Kitchen Lab workflows, send them events, manage definitions and instances. Errors are RFC 7807 problem details with errors keyed by field or JSON path.",
        };
        return Task.CompletedTask;
    }
}
