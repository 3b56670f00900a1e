using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.HttpWorkflows;

/// <summary>The definitions the HTTP endpoint tests publish: an endpoint, and what answers it.</summary>
internal static class HttpFlows
{
    /// <summary>An <c>Elsa.HttpEndpoint</c> node's properties.</summary>
    public static (string, JsonNode?)[] Endpoint(string path, string methods = "[\"GET\"]", bool trigger = true, bool authorize = false, string? policy = null, string? requestTimeout = null)
    {
        List<(string, JsonNode?)> properties =
        [
            ("path", FlowBuilder.Literal(path)),
            ("supportedMethods", FlowBuilder.Literal(methods)),
            ("authorize", FlowBuilder.Literal(authorize)),
        ];
        if (policy is not null)
        {
            properties.Add(("policy", FlowBuilder.Literal(policy)));
        }

        if (requestTimeout is not null)
        {
            properties.Add(("requestTimeout", FlowBuilder.Literal(requestTimeout)));
        }

        if (trigger)
        {
            properties.Add(FlowBuilder.CanStartWorkflow);
        }

        return [.. properties];
    }

    /// <summary>An endpoint trigger answered by one <c>Elsa.WriteHttpResponse</c> whose content is a script.</summary>
    public static string Answering(string definitionId, (string, JsonNode?)[] endpoint, string contentScript, string statusCode = "OK") => new FlowBuilder(definitionId)
        .Add("ep", "Elsa.HttpEndpoint", endpoint)
        .Add("answer", "Elsa.WriteHttpResponse", ("statusCode", FlowBuilder.Literal(statusCode)), ("content", FlowBuilder.Js(contentScript)))
        .Chain("ep", "answer")
        .Json;
}
