using Microsoft.AspNetCore.Authorization;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// The authorization policies, one per kind of work; every endpoint names one. Admins may do whatever designers and
/// operators may; the dismantling endpoints are service centres' alone, as the centre comes from the key.
/// </summary>
internal static class Policies
{
    public const string Admin = "admin";
    public const string ReadDefinitions = "read-definitions";
    public const string EditDefinitions = "edit-definitions";
    public const string StartWorkflows = "start-workflows";
    public const string ReadInstances = "read-instances";
    public const string ReadInstance = "read-instance";
    public const string OperateInstances = "operate-instances";
    public const string SendEvents = "send-events";
    public const string CheckWarranty = "check-warranty";
    public const string ServiceCentre = "service-centre";
    public const string Studio = "studio";
    public const string Operations = "operations";
    public const string Metrics = "metrics";
    public const string ApiDescription = "api-description";

    /// <summary>Who each policy lets in (an API client only for its own definitions, checked by the endpoint).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [ReadDefinitions] = [Roles.Admin, Roles.Designer, Roles.Operator],
        [EditDefinitions] = [Roles.Admin, Roles.Designer],
        [StartWorkflows] = [Roles.Admin, Roles.Designer, Roles.ApiClient],
        [ReadInstances] = [Roles.Admin, Roles.Designer, Roles.Operator],
        [ReadInstance] = [Roles.Admin, Roles.Designer, Roles.Operator, Roles.ApiClient],
        [OperateInstances] = [Roles.Admin, Roles.Operator],
        [SendEvents] = [Roles.Admin, Roles.Operator, Roles.ApiClient],
        [CheckWarranty] = [Roles.Admin, Roles.Designer, Roles.Operator, Roles.ApiClient],
        [ServiceCentre] = [Roles.ServiceCentre],
        [Studio] = Roles.Ops,
        [Operations] = [Roles.Admin, Roles.Operator],
        [Metrics] = [Roles.Admin, Roles.Operator],
        [ApiDescription] = Roles.All,
    };

    /// <summary>The pages people open in a browser; open to anyone in Development unless sign-in is required there too.</summary>
    public static readonly string[] OpenInDevelopment = [Studio, Operations, ApiDescription];

    public static void Add(AuthorizationOptions options, bool developmentOpen)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, b =>
            {
                if (developmentOpen && OpenInDevelopment.Contains(policy))
                {
                    b.RequireAssertion(_ => true);
                }
                else
                {
                    b.RequireAuthenticatedUser().RequireRole(roles);
                }
            });
        }

        // Anything mapped without a policy is closed to anonymous callers rather than open.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
