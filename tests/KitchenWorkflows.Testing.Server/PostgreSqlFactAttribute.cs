using Xunit;

namespace KitchenWorkflows.Testing.Server;

/// <summary>
/// A fact that needs the PostgreSQL cluster of the test script: skipped, with the same reason as the
/// PostgreSQL pass of <see cref="ProviderFactAttribute"/> tests, when KW_TEST_POSTGRES is unset.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestPostgres.IsAvailable)
        {
            Skip = ProviderTestCase.PostgreSqlUnavailable;
        }
    }
}
