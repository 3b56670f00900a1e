using System.Net;

namespace KitchenWorkflows.Server.IntegrationTests.Operations;

/// <summary>
/// Anonymous callers reach only <c>/health/*</c>, in Development too, where the Studio, the dashboard and the API page open
/// without sign-in: <c>/metrics</c> names the definitions and shows the load, so it wants an operator or an admin.
/// </summary>
public sealed class MetricsAccessTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Metrics_InDevelopment_RefuseAnonymousCallers_AndAnswerAnAdmin()
    {
        using var anonymous = server.Factory.CreateClient(apiKey: null);
        using var admin = server.Factory.CreateAdminClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        using var metrics = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("kitchenworkflows_", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
