using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KitchenWorkflows.Testing.Server;

/// <summary>
/// A fact that runs once per storage provider: declared on an abstract test class, it runs in each
/// concrete subclass. The PostgreSQL subclass (the one whose fixture is an <see cref="IPostgreSqlFixture"/>) is skipped,
/// with the reason, when the test script did not provide a cluster (KW_TEST_POSTGRES unset).
/// </summary>
[XunitTestCaseDiscoverer("KitchenWorkflows.Testing.Server.ProviderFactDiscoverer", "KitchenWorkflows.Testing.Server")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>Finds <see cref="ProviderFactAttribute"/> tests.</summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new ProviderTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>A test case whose skip reason depends on the class it runs in, not only on the attribute.</summary>
public sealed class ProviderTestCase : XunitTestCase
{
    public const string PostgreSqlUnavailable = "PostgreSQL is not available: KW_TEST_POSTGRES is unset (source ops/test-deps.sh to start a throwaway cluster).";

    [Obsolete("For the xUnit de-serializer only.", error: true)]
    public ProviderTestCase()
    {
    }

    public ProviderTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var usesPostgreSql = TestMethod.TestClass.Class.ToRuntimeType().GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>) && typeof(IPostgreSqlFixture).IsAssignableFrom(i.GetGenericArguments()[0]));
        return usesPostgreSql && !TestPostgres.IsAvailable ? PostgreSqlUnavailable : base.GetSkipReason(factAttribute);
    }
}
