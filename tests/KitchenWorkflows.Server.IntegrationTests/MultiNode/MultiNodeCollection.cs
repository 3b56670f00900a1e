namespace KitchenWorkflows.Server.IntegrationTests.MultiNode;

/// <summary>
/// The multi-node tests run one class after the other: each starts two server processes, and on a
/// 2-core machine two such clusters at once would only make both slow.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MultiNodeCollection
{
    public const string Name = "Multi-node";
}
