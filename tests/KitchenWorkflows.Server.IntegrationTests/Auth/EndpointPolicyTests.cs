using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>
/// Every endpoint the server maps names its policy; only health, sign-in, static files (Elsa Studio's too) and the workflows' HTTP endpoints (which check each call themselves) are anonymous. Anything mapped
/// without a policy would still be closed to anonymous callers by the fallback policy.
/// </summary>
public sealed class EndpointPolicyTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public void EveryEndpoint_DeclaresAPolicy_OrIsOneOfTheFewAnonymousOnes()
    {
        var endpoints = server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var undeclared = new List<string>();
        var anonymous = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(route);
            }
            else if (!endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            {
                undeclared.Add($"{route} ({endpoint.DisplayName})");
            }
        }

        // Development's fallback for static files missing from the build manifest cannot take conventions; the
        // authorization fallback policy (signed in) closes it, and it does not exist outside Development.
        Assert.Equal(["/{**path:file} (Fallback {**path:file})"], undeclared);
        Assert.Contains("/api/workflow-definitions/{definitionId}/publish", endpoints.Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')));
        Assert.Contains("/api/workflow-definitions/{definitionId}/test-run", endpoints.Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')));
        Assert.Contains("/api/workflow-definitions/{definitionId}/test-cases/run", endpoints.Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')));
        // Elsa Studio's package files are static files served by an endpoint of ours; its page is guarded. The workflows'
        // HTTP endpoints decide per endpoint (authorize, policy; anonymous only where HttpEndpoints:AllowAnonymous says).
        // Elsa Studio's own addresses of a view only redirect to the page's view, which asks for sign-in itself.
        var expected = new[]
        {
            "/health/live", "/health/ready", "/", "/signin", "/signout", "/elsa-studio/{**path}", "/workflows/{**path}",
            "/elsa-studio/workflows/instances/{id}/view", "/elsa-studio/workflows/definitions/{id}/edit",
        };
        Assert.All(anonymous, route => Assert.True(
            expected.Contains(route) || route.StartsWith("/_content/", StringComparison.Ordinal) || route.StartsWith("/_framework/", StringComparison.Ordinal) || Path.HasExtension(route),
            $"{route} is anonymous"));
        Assert.All(expected, route => Assert.Contains(route, anonymous));
    }
}
