using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace KitchenWorkflows.Server.IntegrationTests.Operations;

/// <summary>
/// <c>ops/compose.yaml</c>, read as YAML (no Docker engine runs where the tests do, so it is never started here): its
/// <c>${KW_…}</c> variables are the README's table of compose variables and its header's list, and every server node
/// shares the data-protection key ring, believes forwarded headers from nginx alone and knows its own API address.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Variables_AreTheReadmesTable_AndTheHeadersList()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "ops", "compose.yaml"));
        var used = ComposeVariable().Matches(compose).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var header = string.Concat(compose.Split('\n').TakeWhile(l => l.StartsWith('#')));
        var readme = File.ReadAllLines(Path.Combine(Root, "README.md"))
            .Select(l => ReadmeVariableRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Equal(used.Order(StringComparer.Ordinal), readme.Order(StringComparer.Ordinal));
        Assert.All(used, v => Assert.Matches($@"\b{v}\b", header));
    }

    [Fact]
    public void EveryServerNode_SharesTheKeyRing_TrustsOnlyNginx_AndCallsItsOwnApi()
    {
        var services = Mapping(Load(), "services");
        var nginx = Scalar(Mapping(Mapping(Mapping(services, "proxy"), "networks"), "backend"), "ipv4_address");
        var namedVolumes = Mapping(Load(), "volumes").Children.Keys.Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        var nodes = services.Children.Values.Cast<YamlMappingNode>().Select(Merged)
            .Where(s => s.Children.ContainsKey("environment") && Merged(Mapping(s, "environment")).Children.ContainsKey("Runtime__NodeId")).ToList();

        Assert.Equal(2, nodes.Count);
        var keyRingVolumes = nodes.Select(node =>
        {
            var environment = Merged(Mapping(node, "environment"));
            Assert.Equal(nginx, Scalar(environment, "ForwardedHeaders__KnownProxies__0"));
            Assert.StartsWith("http://127.0.0.1:8080", Scalar(environment, "Studio__ApiBaseUrl"), StringComparison.Ordinal);
            var keyRing = Scalar(environment, "DataProtection__KeyRingPath");
            var mount = ((YamlSequenceNode)node.Children["volumes"]).Children.Select(v => v.ToString().Split(':'))
                .Single(parts => parts.Length >= 2 && parts[1] == keyRing);
            Assert.Contains(mount[0], namedVolumes);
            return mount[0];
        }).Distinct().ToList();
        Assert.Single(keyRingVolumes);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "ops", "compose.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    // YAML's merge key (<<: *anchor), which compose resolves and the representation model does not: the node's own keys win.
    private static YamlMappingNode Merged(YamlMappingNode node)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in node.Children.Where(c => c.Key.ToString() != "<<"))
        {
            merged.Add(key, value);
        }

        if (node.Children.TryGetValue(new YamlScalarNode("<<"), out var inherited))
        {
            foreach (var (key, value) in Merged((YamlMappingNode)inherited).Children.Where(c => !merged.Children.ContainsKey(c.Key)))
            {
                merged.Add(key, value);
            }
        }

        return merged;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KitchenWorkflows.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (KitchenWorkflows.sln) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\$\{(KW_[A-Z0-9_]+)")]
    private static partial Regex ComposeVariable();

    // A row of the README's table of compose variables: | `KW_…` | …
    [GeneratedRegex(@"^\| `(KW_[A-Z0-9_]+)` \|")]
    private static partial Regex ReadmeVariableRow();
}
