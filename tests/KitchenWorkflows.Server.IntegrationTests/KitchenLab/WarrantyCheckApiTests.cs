using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

public sealed class WarrantyCheckApiTests(WarrantyCheckApiTests.Server server) : IClassFixture<WarrantyCheckApiTests.Server>
{
    private const string Path = "/api/kitchen-lab/warranty-check";

    [Theory]
    [InlineData("2024-03-01", "2026-11-24", "cabinet", "manufacturing-defect", "covered", "additional", "2029-03-01", null)]
    [InlineData("2024-03-01", "2026-03-01", "facade", "manufacturing-defect", "covered", "factory", "2029-03-01", null)]
    [InlineData("2024-03-01", "2029-03-02", "cabinet", "manufacturing-defect", "not-covered", null, "2029-03-01", null)]
    [InlineData("2024-02-29", "2029-02-28", "cabinet", "manufacturing-defect", "covered", "additional", "2029-02-28", null)]
    [InlineData("2024-03-01", "2025-06-10", "worktop", "self-installed-sink", "not-covered", null, "2029-03-01", "self-installed-sink")]
    [InlineData("2024-03-01", "2025-06-10", "cabinet", "self-installed-sink", "review", "factory", "2029-03-01", null)]
    [InlineData("2024-03-01", "2025-06-10", "cabinet", "moisture", "not-covered", null, "2029-03-01", "moisture")]
    [InlineData("2024-03-01", "2025-06-10", "other", "unknown", "review", "factory", "2029-03-01", null)]
    public async Task Check_ValidClaim_Returns200WithTheVerdict(
        string handoverDate, string claimDate, string itemCategory, string cause,
        string expectedVerdict, string? expectedPart, string expectedCoverageEnds, string? expectedExclusion)
    {
        var response = await server.Client.PostAsJsonAsync(Path, new { handoverDate, claimDate, itemCategory, cause });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["coverageEnds", "exclusion", "part", "reason", "reasonRu", "verdict"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(expectedVerdict, (string?)body["verdict"]);
        Assert.Equal(expectedPart, (string?)body["part"]);
        Assert.Equal(expectedCoverageEnds, (string?)body["coverageEnds"]);
        Assert.Equal(expectedExclusion, (string?)body["exclusion"]);
        Assert.False(string.IsNullOrEmpty((string?)body["reason"]));
        Assert.False(string.IsNullOrEmpty((string?)body["reasonRu"]));
    }

    [Fact]
    public async Task Check_NoClaimDate_ClaimsToday()
    {
        // Ten days back, so the answer is the same whichever side of midnight the server reads its clock.
        var handoverDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await server.Client.PostAsJsonAsync(Path, new { handoverDate, itemCategory = "cabinet", cause = "manufacturing-defect" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("covered", (string?)body["verdict"]);
        Assert.Equal("factory", (string?)body["part"]);
    }

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { """{ "claimDate": "2026-11-24", "itemCategory": "cabinet", "cause": "moisture" }""", ["handoverDate"] },
        { """{ "handoverDate": "", "claimDate": "2026-11-24", "itemCategory": "cabinet", "cause": "moisture" }""", ["handoverDate"] },
        { """{ "handoverDate": "01.03.2024", "claimDate": "2026-11-24", "itemCategory": "cabinet", "cause": "moisture" }""", ["handoverDate"] },
        { """{ "handoverDate": "2024-02-30", "claimDate": "2026-11-24", "itemCategory": "cabinet", "cause": "moisture" }""", ["handoverDate"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "tomorrow", "itemCategory": "cabinet", "cause": "moisture" }""", ["claimDate"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "2024-02-29", "itemCategory": "cabinet", "cause": "moisture" }""", ["claimDate", "handoverDate"] },
        { """{ "handoverDate": "2099-01-01", "itemCategory": "cabinet", "cause": "moisture" }""", ["claimDate", "handoverDate"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "2026-11-24", "itemCategory": "sofa", "cause": "moisture" }""", ["itemCategory"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "2026-11-24", "cause": "moisture" }""", ["itemCategory"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "2026-11-24", "itemCategory": "cabinet", "cause": "flood" }""", ["cause"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "2026-11-24", "itemCategory": "cabinet" }""", ["cause"] },
        { """{ "handoverDate": "2024-03-01", "claimDate": "2026-11-24", "itemCategory": "UnderSinkModule", "cause": "MechanicalDamage" }""", ["cause", "itemCategory"] },
        { """{ "itemCategory": "sofa", "cause": "moisture" }""", ["handoverDate", "itemCategory"] },
        { """{ "handoverDate": "9999-12-31", "claimDate": "9999-12-31", "itemCategory": "cabinet", "cause": "moisture" }""", ["handoverDate"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Check_InvalidClaim_Returns400ProblemWithErrorsKeyedByField(string json, string[] expectedKeys)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await server.Client.PostAsync(Path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(expectedKeys, errors.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty((string?)e.Value![0])));
    }

    [Fact]
    public async Task OpenApi_WarrantyCheck_IsDocumentedWithSummaryAnd400()
    {
        var document = (await server.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var operation = document["paths"]![Path]!["post"]!;
        Assert.Equal("CheckWarranty", (string?)operation["operationId"]);
        Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
        Assert.Equal(["Kitchen Lab"], operation["tags"]!.AsArray().Select(t => (string?)t));
        Assert.NotNull(operation["requestBody"]);
        Assert.NotNull(operation["responses"]!["200"]);
        Assert.NotNull(operation["responses"]!["400"]);
    }

    /// <summary>One server for the class: the endpoint keeps no state between requests.</summary>
    public sealed class Server : IDisposable
    {
        private readonly ServerFactory _factory = new();

        public Server() => Client = _factory.CreateAdminClient();

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _factory.Dispose();
        }
    }
}
