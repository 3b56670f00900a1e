using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>
/// Stands in for the sign-in the identity work brings: a request carrying <c>X-Test-User</c> (and, optionally,
/// <c>X-Test-Roles</c>, comma-separated) is made by an authenticated principal with that name and those role claims,
/// as an API key or an account will be. It runs first in the pipeline, so everything after it (the rate limiter,
/// the endpoints) sees the principal as it will see the real one.
/// </summary>
internal sealed class TestPrincipal : IStartupFilter
{
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";

    public static void Add(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestPrincipal>();

    public static HttpRequestMessage As(HttpRequestMessage request, string user, params string[] roles)
    {
        request.Headers.Add(UserHeader, user);
        if (roles.Length > 0)
        {
            request.Headers.Add(RolesHeader, string.Join(',', roles));
        }

        return request;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(UserHeader, out var user))
            {
                var claims = new List<Claim> { new(ClaimTypes.Name, user.ToString()) };
                claims.AddRange(context.Request.Headers[RolesHeader].ToString()
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(role => new Claim(ClaimTypes.Role, role)));
                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
