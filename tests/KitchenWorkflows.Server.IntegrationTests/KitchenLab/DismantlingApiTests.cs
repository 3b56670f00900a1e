using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>
/// <c>/api/kitchen-lab/write-offs</c> and <c>/dismantle-tasks</c> on the real server with the shipped <c>dismantling</c>
/// workflow: a service centre's whole path, rejection, isolation between centres, validation, wrong-state steps,
/// escalation by email after a passed deadline, and idempotent starts. Each centre calls with its own service-centre key.
/// </summary>
public abstract class DismantlingApiTests(DismantlingServer server) : ApiTestBase(server)
{
    private const string Tasks = "/api/kitchen-lab/dismantle-tasks";

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly Dictionary<string, HttpClient> _centres = [];

    private static string Tomorrow => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [ProviderFact]
    public async Task WriteOff_ValidBody_Returns201WithTheAssignedTask()
    {
        var centre = NewId("asc");

        var response = await (await CentreAsync(centre)).PostAsJsonAsync("/api/kitchen-lab/write-offs", WriteOff(centre, "WO-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await ReadObjectAsync(response);
        var taskId = (string)task["taskId"]!;
        Assert.Equal($"{Tasks}/{taskId}", response.Headers.Location?.OriginalString);
        Assert.Equal(("WO-1", centre, "assigned"), ((string?)task["writeOffId"], (string?)task["serviceCentreId"], (string?)task["status"]));
        Assert.Equal(("HCX-6CS4", "SN-00042"), ((string?)task["appliance"]!["model"], (string?)task["appliance"]!["serialNumber"]));
        Assert.Equal(("3.00:00:00", "14.00:00:00"), ((string?)task["deadlines"]!["scheduleWithin"], (string?)task["deadlines"]!["dismantleWithin"]));
        var nextDeadline = (DateTimeOffset)task["deadlines"]!["nextDeadline"]!;
        Assert.InRange(nextDeadline - DateTimeOffset.UtcNow, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3));
        Assert.True(JsonNode.DeepEquals(task, await GetTaskAsync(taskId, centre)));
    }

    [ProviderFact]
    public async Task Task_ScheduledThenReported_EndsDismantledWithTheReport()
    {
        var centre = NewId("asc");
        var taskId = await StartAsync(centre);

        var scheduled = await PostOkAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = Tomorrow });
        Assert.Equal(("scheduled", Tomorrow), ((string?)scheduled["status"], (string?)scheduled["visitDate"]));
        Assert.InRange((DateTimeOffset)scheduled["deadlines"]!["nextDeadline"]! - DateTimeOffset.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));

        var reported = await PostOkAsync(centre, taskId, "report", new
        {
            serviceCentreId = centre,
            dismantledOn = Today,
            serialNumberConfirmed = true,
            condition = "Corroded, not repairable",
            documentReferences = new[] { "act-17.pdf", "https://files.asc.example/photo-1.jpg" },
        });

        Assert.Equal("dismantled", (string?)reported["status"]);
        Assert.Null(reported["deadlines"]!["nextDeadline"]);
        Assert.NotNull(reported["finishedAt"]);
        var report = reported["report"]!;
        Assert.Equal((Today, true, "Corroded, not repairable"), ((string?)report["dismantledOn"], (bool)report["serialNumberConfirmed"]!, (string?)report["condition"]));
        Assert.Equal(["act-17.pdf", "https://files.asc.example/photo-1.jpg"], report["documentReferences"]!.AsArray().Select(r => (string)r!));
        var listed = await ListTasksAsync(centre);
        Assert.Equal([taskId], listed.Select(t => (string)t["taskId"]!));
        Assert.Equal([taskId], (await ListTasksAsync(centre, "dismantled")).Select(t => (string)t["taskId"]!));
        Assert.Empty(await ListTasksAsync(centre, "assigned"));
    }

    [ProviderFact]
    public async Task Task_Rejected_EndsRejectedWithTheReasonAndTakesNoFurtherStep()
    {
        var centre = NewId("asc");
        var taskId = await StartAsync(centre);

        var rejected = await PostOkAsync(centre, taskId, "reject", new { serviceCentreId = centre, reason = "Outside our service area" });

        Assert.Equal("rejected", (string?)rejected["status"]);
        Assert.Equal("Outside our service area", (string?)rejected["rejection"]!["reason"]);
        await AssertProblemAsync(await PostAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = Tomorrow }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await PostAsync(centre, taskId, "reject", new { serviceCentreId = centre, reason = "again" }), HttpStatusCode.Conflict);
    }

    [ProviderFact]
    public async Task Task_OfAnotherServiceCentre_Returns404AsIfItDidNotExist()
    {
        var owner = NewId("asc");
        var other = NewId("asc");
        var taskId = await StartAsync(owner);

        var otherClient = await CentreAsync(other);
        var foreign = await AssertProblemAsync(await otherClient.GetAsync($"{Tasks}/{taskId}"), HttpStatusCode.NotFound);
        var missing = await AssertProblemAsync(await otherClient.GetAsync($"{Tasks}/{NewId("dt")}"), HttpStatusCode.NotFound);
        Assert.Equal((string?)missing["title"], (string?)foreign["title"]);
        await AssertProblemAsync(await PostAsync(other, taskId, "schedule", new { serviceCentreId = other, visitDate = Tomorrow }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await PostAsync(other, taskId, "report", Report(other)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await PostAsync(other, taskId, "reject", new { serviceCentreId = other, reason = "mine now" }), HttpStatusCode.NotFound);
        Assert.Empty(await ListTasksAsync(other));
        Assert.Equal("assigned", (string?)(await GetTaskAsync(taskId, owner))["status"]);
    }

    [ProviderFact]
    public async Task Endpoints_BadBodies_Return400KeyedByField()
    {
        var centre = NewId("asc");
        var taskId = await StartAsync(centre);

        var client = await CentreAsync(centre);
        Assert.Equal(["appliance.model", "appliance.serialNumber", "clientAddress", "contractNumber", "reason", "writeOffId"],
            (await AssertValidationProblemAsync(await client.PostAsJsonAsync("/api/kitchen-lab/write-offs", new { }))).Order(StringComparer.Ordinal));
        Assert.Equal(["appliance.serialNumber"], await AssertValidationProblemAsync(await client.PostAsJsonAsync("/api/kitchen-lab/write-offs",
            WriteOff(centre, "WO-2", serialNumber: "№ 42!"))));
        Assert.Equal(["page"], await AssertValidationProblemAsync(await client.GetAsync($"{Tasks}?page=0")));
        Assert.Equal(["page"], await AssertValidationProblemAsync(await client.GetAsync($"{Tasks}?page=abc")));
        Assert.Equal(["pageSize"], await AssertValidationProblemAsync(await client.GetAsync($"{Tasks}?pageSize=201")));
        Assert.Equal(["visitDate"], await AssertValidationProblemAsync(await PostAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = "2020-01-01" })));
        Assert.Equal(["visitDate"], await AssertValidationProblemAsync(await PostAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = "next Monday" })));
        Assert.Equal(["visitDate"], await AssertValidationProblemAsync(await PostAsync(centre, taskId, "schedule", new { })));
        Assert.Equal(["condition", "dismantledOn", "documentReferences", "serialNumberConfirmed"],
            (await AssertValidationProblemAsync(await PostAsync(centre, taskId, "report", new { serviceCentreId = centre }))).Order(StringComparer.Ordinal));
        Assert.Equal(["dismantledOn", "documentReferences[1]"], (await AssertValidationProblemAsync(await PostAsync(centre, taskId, "report", new
        {
            serviceCentreId = centre,
            dismantledOn = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            serialNumberConfirmed = true,
            condition = "ok",
            documentReferences = new[] { "act.pdf", " " },
        }))).Order(StringComparer.Ordinal));
        Assert.Equal(["reason"], await AssertValidationProblemAsync(await PostAsync(centre, taskId, "reject", new { serviceCentreId = centre })));
        Assert.Equal("assigned", (string?)(await GetTaskAsync(taskId, centre))["status"]);
    }

    [ProviderFact]
    public async Task List_PageFarPastTheEnd_IsEmptyNotTheFirstPage()
    {
        var centre = NewId("asc");
        await StartAsync(centre);

        // (page - 1) × pageSize is beyond int: in 32 bits it wrapped to a negative offset and answered page 1.
        var response = await (await CentreAsync(centre)).GetAsync($"{Tasks}?page=2147483647&pageSize=200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var far = await ReadObjectAsync(response);
        Assert.Equal((1, int.MaxValue), ((int)far["totalCount"]!, (int)far["page"]!));
        Assert.Empty(far["items"]!.AsArray());
    }

    [ProviderFact]
    public async Task Steps_NotAwaitedInTheTasksState_Return409()
    {
        var centre = NewId("asc");
        var taskId = await StartAsync(centre);

        var early = await AssertProblemAsync(await PostAsync(centre, taskId, "report", Report(centre)), HttpStatusCode.Conflict);
        Assert.Contains("assigned", (string?)early["detail"], StringComparison.Ordinal);
        await PostOkAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = Tomorrow });
        await AssertProblemAsync(await PostAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = Tomorrow }), HttpStatusCode.Conflict);
        await PostOkAsync(centre, taskId, "report", Report(centre));
        await AssertProblemAsync(await PostAsync(centre, taskId, "reject", new { serviceCentreId = centre, reason = "too late" }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await PostAsync(centre, taskId, "report", Report(centre)), HttpStatusCode.Conflict);
    }

    [ProviderFact]
    public async Task Task_ReportWithoutSerialConfirmed_EscalatesAndWaitsForAnotherReport()
    {
        var centre = NewId("asc");
        var taskId = await StartAsync(centre);
        await PostOkAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = Tomorrow });

        var doubtful = await PostOkAsync(centre, taskId, "report", Report(centre, serialNumberConfirmed: false));
        Assert.Equal(("escalated", 1), ((string?)doubtful["status"], (int)doubtful["escalations"]!));
        Assert.Null(doubtful["report"]);
        var notice = await WaitForMessageAsync(taskId, m => m.TextBody?.Contains(taskId, StringComparison.Ordinal) == true);
        Assert.Contains("серийный номер", notice.TextBody, StringComparison.Ordinal);

        var confirmed = await PostOkAsync(centre, taskId, "report", Report(centre));
        Assert.Equal("dismantled", (string?)confirmed["status"]);
    }

    [ProviderFact]
    public async Task Task_ScheduleDeadlinePasses_EmailsTheEscalationAndKeepsWaiting()
    {
        // The deadlines are inputs of the workflow: started directly, with a short one, as ops may start it to rehearse.
        var centre = NewId("asc");
        var taskId = NewId("dt");
        var writeOffId = NewId("wo");
        await ExecuteAsync("dismantling", new
        {
            correlationId = taskId,
            input = new
            {
                writeOffId,
                serviceCentreId = centre,
                appliance = new { model = "HCX-6CS4", serialNumber = "SN-00042" },
                clientAddress = "Москва, ул. Тверская, 1",
                contractNumber = "KL-2024-117",
                reason = "Beyond repair",
                scheduleWithin = "00:00:02",
                escalationEmail = DismantlingServer.EscalationEmail,
            },
        });

        var notice = await WaitForMessageAsync(taskId, m => m.Subject?.Contains(writeOffId, StringComparison.Ordinal) == true);

        Assert.Equal(DismantlingServer.EscalationEmail, notice.To.Mailboxes.Single().Address);
        Assert.Equal("kitchen-lab@haieronline.ru", notice.From.Mailboxes.Single().Address);
        Assert.Contains($"Задача демонтажа: {taskId}", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("серийный номер SN-00042", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("не назначил дату визита в течение 00:00:02", notice.TextBody, StringComparison.Ordinal);
        var escalated = await WaitForTaskAsync(taskId, centre, t => (string?)t["status"] == "escalated" && t["deadlines"]!["nextDeadline"] is not null);
        Assert.True((int)escalated["escalations"]! >= 1);
        var scheduled = await PostOkAsync(centre, taskId, "schedule", new { serviceCentreId = centre, visitDate = Tomorrow });
        Assert.Equal("scheduled", (string?)scheduled["status"]);
        Assert.Contains(taskId, (await ListTasksAsync(centre, "scheduled")).Select(t => (string)t["taskId"]!));
    }

    [ProviderFact]
    public async Task WriteOff_SameIdempotencyKey_StartsOneTaskPerServiceCentre()
    {
        var centre = NewId("asc");
        var other = NewId("asc");
        var key = NewId("key");

        var first = await StartWithKeyAsync(centre, key, WriteOff(centre, "WO-7"));
        var again = await StartWithKeyAsync(centre, key, WriteOff(centre, "WO-7"));
        var otherCentre = await StartWithKeyAsync(other, key, WriteOff(other, "WO-7"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        var taskId = (string)(await ReadObjectAsync(first))["taskId"]!;
        Assert.Equal(taskId, (string)(await ReadObjectAsync(again))["taskId"]!);
        Assert.NotEqual(taskId, (string)(await ReadObjectAsync(otherCentre))["taskId"]!);
        Assert.Equal([taskId], (await ListTasksAsync(centre)).Select(t => (string)t["taskId"]!));
        await AssertProblemAsync(await StartWithKeyAsync(centre, key, WriteOff(centre, "WO-8")), HttpStatusCode.Conflict);
        Assert.Equal(["Idempotency-Key"], await AssertValidationProblemAsync(await StartWithKeyAsync(centre, new string('k', 201), WriteOff(centre, "WO-9"))));
    }

    // ------------------------------------------------------------------ helpers

    private static object WriteOff(string centre, string writeOffId, string serialNumber = "SN-00042") => new
    {
        writeOffId,
        serviceCentreId = centre,
        appliance = new { model = "HCX-6CS4", serialNumber },
        clientAddress = "Москва, ул. Тверская, 1",
        contractNumber = "KL-2024-117",
        reason = "Beyond repair",
    };

    private static object Report(string centre, bool serialNumberConfirmed = true) => new
    {
        serviceCentreId = centre,
        dismantledOn = Today,
        serialNumberConfirmed,
        condition = "Dismantled without damage to the kitchen",
        documentReferences = new[] { "act-17.pdf" },
    };

    /// <summary>A client that calls as the centre: with a service-centre key made for it through the admin API.</summary>
    private async Task<HttpClient> CentreAsync(string centre)
    {
        if (!_centres.TryGetValue(centre, out var client))
        {
            client = ClientWithKey(await CreateKeyAsync(new { name = centre, role = "service-centre", serviceCentreId = centre }));
            _centres[centre] = client;
        }

        return client;
    }

    private async Task<string> StartAsync(string centre)
    {
        var response = await (await CentreAsync(centre)).PostAsJsonAsync("/api/kitchen-lab/write-offs", WriteOff(centre, NewId("wo")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await ReadObjectAsync(response))["taskId"]!;
    }

    private async Task<HttpResponseMessage> StartWithKeyAsync(string centre, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kitchen-lab/write-offs") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await (await CentreAsync(centre)).SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string centre, string taskId, string step, object body) =>
        await (await CentreAsync(centre)).PostAsJsonAsync($"{Tasks}/{taskId}/{step}", body);

    private async Task<JsonObject> PostOkAsync(string centre, string taskId, string step, object body)
    {
        var response = await PostAsync(centre, taskId, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadObjectAsync(response);
    }

    private async Task<JsonObject> GetTaskAsync(string taskId, string centre)
    {
        var response = await (await CentreAsync(centre)).GetAsync($"{Tasks}/{taskId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    private async Task<List<JsonObject>> ListTasksAsync(string centre, string? status = null)
    {
        var response = await (await CentreAsync(centre)).GetAsync(Tasks + (status is null ? "" : $"?status={status}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadObjectAsync(response))["items"]!.AsArray().Select(t => t!.AsObject())];
    }

    private async Task<JsonObject> WaitForTaskAsync(string taskId, string centre, Func<JsonObject, bool> done)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var task = await GetTaskAsync(taskId, centre);
            if (done(task))
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < until, $"Task {taskId} did not get there in time; last seen: {task.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// Polls the SMTP listener; fails at the deadline with what it received and the task's journal. The late timers
    /// once blamed on load were Hangfire's process-wide logger outliving a disposed test server (fixed in Scheduling,
    /// DisposalTolerantLogProvider); the deadline leaves room for a loaded machine all the same.
    /// </summary>
    private async Task<MimeKit.MimeMessage> WaitForMessageAsync(string taskId, Func<MimeKit.MimeMessage, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (server.Smtp.Messages.FirstOrDefault(match) is { } message)
            {
                return message;
            }

            if (DateTime.UtcNow > until)
            {
                var instanceId = (string)(await ListInstancesAsync($"correlationId={taskId}"))["items"]![0]!["workflowInstanceId"]!;
                Assert.Fail($"No such email in time; received: {string.Join(" | ", server.Smtp.Messages.Select(m => m.Subject))}; journal: {(await GetJournalAsync(instanceId)).ToJsonString()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public sealed class Sqlite(SqliteDismantlingServer server) : DismantlingApiTests(server), IClassFixture<SqliteDismantlingServer>;

    public sealed class PostgreSql(PostgreSqlDismantlingServer server) : DismantlingApiTests(server), IClassFixture<PostgreSqlDismantlingServer>;
}
