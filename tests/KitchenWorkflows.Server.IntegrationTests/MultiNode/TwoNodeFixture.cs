namespace KitchenWorkflows.Server.IntegrationTests.MultiNode;

/// <summary>
/// Two nodes over one PostgreSQL database and their SMS gateway stand-in, shared by the tests of a class;
/// both nodes import <see cref="DelayDefinitionId"/>. Started on first use, so a class whose tests are
/// skipped (no PostgreSQL) starts nothing.
/// </summary>
public sealed class TwoNodeFixture : IAsyncLifetime
{
    public const string DelayDefinitionId = "multinode-delay";

    private readonly SemaphoreSlim _starting = new(1, 1);
    private SideEffectRecorder? _gateway;
    private TwoNodeCluster? _cluster;

    internal async Task<(TwoNodeCluster Cluster, SideEffectRecorder Gateway)> GetAsync()
    {
        await _starting.WaitAsync();
        try
        {
            _gateway ??= await SideEffectRecorder.StartAsync(responseDelay: TimeSpan.FromMilliseconds(20));
            _cluster ??= await TwoNodeCluster.StartAsync([DelayDefinitionId + ".json"], _gateway);
            return (_cluster, _gateway);
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _cluster?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        _starting.Dispose();
    }
}
