using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Api.Tests;

/// <summary>Moves a real-judge factory's sandbox next to the suite's own: uids after them and a cgroup of its own
/// (CODEROOM_Sandbox__FirstSlotUid and CODEROOM_Sandbox__CgroupName, when set, are where the suite's own are).</summary>
internal static class IntegritySandbox
{
    public static void Separate(Dictionary<string, string?> settings, int uidOffset, string cgroupSuffix)
    {
        var uid = Environment.GetEnvironmentVariable("CODEROOM_Sandbox__FirstSlotUid") is { Length: > 0 } fromEnvironment
            ? fromEnvironment : settings["Sandbox:FirstSlotUid"];
        var cgroup = Environment.GetEnvironmentVariable("CODEROOM_Sandbox__CgroupName") is { Length: > 0 } name
            ? name : settings["Sandbox:CgroupName"];
        settings["Sandbox:FirstSlotUid"] = (int.Parse(uid!, System.Globalization.CultureInfo.InvariantCulture) + uidOffset)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Sandbox:CgroupName"] = cgroup + cgroupSuffix;
    }
}

/// <summary>The service with the real judge, on uids and a cgroup of its own (next to <see cref="RealJudgeApiFactory"/>'s).</summary>
public sealed class IntegrityApiFactory : RealJudgeApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        IntegritySandbox.Separate(Settings, 100, "-integrity");
    }
}

/// <summary>The same on PostgreSQL (NUL characters and lone surrogates must be stored the same on both databases).</summary>
public sealed class PostgresIntegrityApiFactory : RealJudgeApiFactory
{
    protected override bool UsePostgres => true;

    protected override void Configure()
    {
        base.Configure();
        IntegritySandbox.Separate(Settings, 300, "-integrity-pg");
    }
}

/// <summary>Another one for the fairness test, whose slow jobs must not outlive it into other tests.</summary>
public sealed class FairnessApiFactory : RealJudgeApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        IntegritySandbox.Separate(Settings, 200, "-fairness");
        // No start-up warm-up holding the two run slots while the test measures the queue.
        Settings["Judge:WarmUpAtStart"] = "false";
    }
}

/// <summary>The integrity tests' factories run one after the other (each starts a judge with warm runtimes).</summary>
[CollectionDefinition(nameof(VerdictIntegrityCollection))]
public sealed class VerdictIntegrityCollection;

internal static class IntegrityHttp
{
    public const int SmallBytes = 1 << 20;

    /// <summary>Posts a run or submit of add-two and polls until the job is done (the deadline counts from the post,
    /// which itself waits up to JudgeQueue:WaitSeconds); returns the POST's status code and body and the final status.</summary>
    public static async Task<(HttpStatusCode Code, string Posted, JsonObject Final, string FinalBody)> JudgeAsync(HttpClient client, string path,
        Guid attempt, string language, string code, TimeSpan deadline)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync(path, new { attempt_id = attempt, problem_id = "add-two", language, code }, ct);
        var posted = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {Trim(posted)}");
        var id = JsonNode.Parse(posted)!["id"]!.GetValue<Guid>();
        while (true)
        {
            var statusResponse = await client.GetAsync($"/api/coding/status?id={id}", ct);
            var body = await statusResponse.Content.ReadAsStringAsync(ct);
            Assert.True(statusResponse.StatusCode == HttpStatusCode.OK, $"status: {(int)statusResponse.StatusCode}: {Trim(body)}");
            var final = JsonNode.Parse(body)!.AsObject();
            if (final["status"]!.GetValue<string>() is not ("queued" or "running"))
            {
                return (response.StatusCode, posted, final, body);
            }
            Assert.True(clock.Elapsed < deadline, $"still {final["status"]} after {deadline.TotalSeconds:0} s");
            await Task.Delay(250, ct);
        }
    }

    public static string Trim(string text) => text.Length > 400 ? text[..400] + $"... ({text.Length} chars)" : text;
}

/// <summary>
/// Issue 11 through the real service: hostile code submitted over HTTP (real queue, real judge, real sandbox, SQLite)
/// never sees a hidden input in any answer.
/// </summary>
[Collection(nameof(VerdictIntegrityCollection))]
public sealed class VerdictIntegrityTests(IntegrityApiFactory factory) : IClassFixture<IntegrityApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Thieves => ["python-stdin-at-import", "python-memory", "python-load-error-in-later-process", "java", "cpp", "go"];

    private static (string Language, string Code) Thief(string name) => name switch
    {
        "python-stdin-at-import" => ("python", Attacks.PythonStdinAtImport),
        // add-two's marker is its test 3 (the second hidden one).
        "python-load-error-in-later-process" => ("python", Attacks.PythonLoadErrorInLaterProcess(3)),
        "python-memory" => ("python", Attacks.PythonMemoryScan),
        "java" => ("java", Attacks.JavaStdinAndMemory),
        "cpp" => ("cpp", Attacks.CppStdinAndMemory),
        "go" => ("go", Attacks.GoStdin),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void NoMarker(string body, string where)
    {
        Assert.False(body.Contains(ApiFactory.HiddenMarkerInput, StringComparison.Ordinal),
            $"the hidden input reached the candidate through {where}: {IntegrityHttp.Trim(body)}");
        Assert.False(body.Contains(ApiFactory.HiddenMarkerExpected, StringComparison.Ordinal), $"the hidden expected output reached {where}");
    }

    [Theory(Timeout = 180_000), MemberData(nameof(Thieves))]
    public async Task Hidden_inputs_reach_no_submit_answer_status_or_run(string thief)
    {
        var (language, code) = Thief(thief);
        var client = factory.ClientFor("mallory-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var (_, posted, final, status) = await IntegrityHttp.JudgeAsync(client, "/api/coding/submit", attempt, language, code, TimeSpan.FromSeconds(90));
        Assert.Equal("finished", final["status"]!.GetValue<string>());
        Assert.NotEqual("accepted", final["summary"]!["status"]!.GetValue<string>());
        NoMarker(posted, "the submit answer");
        NoMarker(status, "/api/coding/status");

        var (_, runPosted, _, runStatus) = await IntegrityHttp.JudgeAsync(client, "/api/coding/run", attempt, language, code, TimeSpan.FromSeconds(90));
        NoMarker(runPosted, "the run answer");
        NoMarker(runStatus, "the run's status");
    }
}

/// <summary>add-two code in Python that writes one forged result line, by name.</summary>
internal static class ForgedLines
{
    /// <summary>add-two code that writes one forged line to fd 3 in its first call, then answers correctly.</summary>
    private static string Forger(string pythonBytesExpression) => $$"""
        import os


        class Solution:
            calls = 0

            def add_two(self, a, b):
                if Solution.calls == 0:
                    view = memoryview({{pythonBytesExpression}} + b"\n")
                    while view:
                        view = view[os.write(3, view):]
                Solution.calls += 1
                return a + b
        """;

    private static readonly Dictionary<string, string> Forged = new()
    {
        ["huge-value"] = """b'R 0 {"ok":true,"value":"' + b"A" * (50 << 20) + b'","ms":0.001}'""",
        ["long-error"] = """b'R 0 {"ok":false,"kind":"runtime","error":"' + b"E" * (4 << 20) + b'","line":null,"ms":0.001}'""",
        ["deep-100"] = """b'R 0 {"ok":true,"value":' + b"[" * 100 + b"3" + b"]" * 100 + b',"ms":0.001}'""",
        ["kind-number"] = """b'R 0 {"ok":false,"kind":5,"error":"x","line":null,"ms":0}'""",
        ["lone-surrogate"] = """b'R 0 {"ok":false,"kind":"runtime","error":"\\ud800 x","line":null,"ms":0}'""",
        ["nul-escape"] = """b'R 0 {"ok":false,"kind":"runtime","error":"a\\u0000b","line":null,"ms":0}'""",
        ["garbage"] = """b"R 0 \xff\xfe\x01garbage{{{" """,
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Forged.Keys)
        {
            data.Add("run", name);
        }
        data.Add("submit", "huge-value");
        data.Add("submit", "kind-number");
        data.Add("submit", "deep-100");
        return data;
    }

    public static string Code(string name) => Forger(Forged[name]);
}

/// <summary>
/// Issue 11 through the real service, on SQLite and on PostgreSQL: whatever the candidate forges on the harness
/// channel, and NUL characters in what it sends, end as a verdict or a 400: never a `failed` job, never a 500, never a
/// huge answer or database row.
/// </summary>
public abstract class ForgedResultApiTests<TFactory>(TFactory factory) where TFactory : RealJudgeApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory(Timeout = 180_000), MemberData(nameof(ForgedLines.Cases), MemberType = typeof(ForgedLines))]
    public async Task A_forged_result_line_is_a_verdict_never_a_failed_job_a_500_or_a_huge_answer(string mode, string name)
    {
        var client = factory.ClientFor("forger-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var (code, posted, final, status) = await IntegrityHttp.JudgeAsync(client, "/api/coding/" + mode, attempt, "python",
            ForgedLines.Code(name), TimeSpan.FromSeconds(90));

        Assert.True(code != HttpStatusCode.InternalServerError, IntegrityHttp.Trim(posted));
        Assert.True(final["status"]!.GetValue<string>() == "finished", $"{mode} {name}: {IntegrityHttp.Trim(status)}");
        var verdict = final["summary"]!["status"]!.GetValue<string>();
        // The candidate's fault, whichever limit or check caught it first (writing 50 MB may take longer than the test).
        Assert.True(verdict is "runtime_error" or "wrong_answer" or "output_limit_exceeded" or "time_limit_exceeded", $"{mode} {name}: {verdict}");
        Assert.True(posted.Length < IntegrityHttp.SmallBytes, $"{mode} {name}: the answer is {posted.Length} chars");
        Assert.True(status.Length < IntegrityHttp.SmallBytes, $"{mode} {name}: the status is {status.Length} chars");

        // Nor does it grow the database: what was stored for the job is small too.
        var id = final["id"]!.GetValue<Guid>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Submissions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => (s.SummaryJson ?? "").Length + (s.ResultsJson ?? "").Length).SingleAsync(Ct);
        var logged = await db.RunLogs.AsNoTracking().Where(l => l.SubmissionId == id)
            .Select(l => (l.TestsJson ?? "").Length + (l.CompileOutput ?? "").Length + (l.InternalMessage ?? "").Length).SumAsync(Ct);
        Assert.True(stored + logged < IntegrityHttp.SmallBytes, $"{mode} {name}: {stored} + {logged} chars stored");
    }

    [Fact(Timeout = 180_000)]
    public async Task Nul_characters_in_code_drafts_and_ids_are_a_verdict_or_a_400_never_a_500()
    {
        var client = factory.ClientFor("nul-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        const string code = "class Solution:\n    def add_two(self, a, b):\n        return a + b  # \u0000\n";

        var run = await client.RunAsync(attempt, code);
        var body = await run.Content.ReadAsStringAsync(Ct);
        Assert.True(run.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.BadRequest, $"run: {(int)run.StatusCode} {IntegrityHttp.Trim(body)}");
        if (run.StatusCode != HttpStatusCode.BadRequest)
        {
            Assert.NotEqual("failed", JsonNode.Parse(body)!["status"]!.GetValue<string>());
        }

        var draft = await client.PutAsJsonAsync("/api/coding/drafts", new { attempt_id = attempt, problem_id = "add-two", language = "python", code }, Ct);
        Assert.True(draft.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"draft: {(int)draft.StatusCode}");

        var badProblem = await client.PostAsJsonAsync("/api/coding/run", new { attempt_id = attempt, problem_id = "add-two\u0000", language = "python", code = "x" }, Ct);
        Assert.True(badProblem.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"problem id: {(int)badProblem.StatusCode}");

        var badAttempt = await client.PostAsJsonAsync("/api/attempts", new { interview_id = "interview\u0000-1" }, Ct);
        Assert.True(badAttempt.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.BadRequest,
            $"interview id: {(int)badAttempt.StatusCode}");
    }
}

[Collection(nameof(VerdictIntegrityCollection))]
public sealed class SqliteForgedResultApiTests(IntegrityApiFactory factory)
    : ForgedResultApiTests<IntegrityApiFactory>(factory), IClassFixture<IntegrityApiFactory>;

[Collection(nameof(VerdictIntegrityCollection))]
public sealed class PostgresForgedResultApiTests(PostgresIntegrityApiFactory factory)
    : ForgedResultApiTests<PostgresIntegrityApiFactory>(factory), IClassFixture<PostgresIntegrityApiFactory>;

/// <summary>
/// Issue 11, fairness: with two judge workers, one user's four slow submissions (a Solution whose constructor sleeps,
/// on every test) hold each worker at most a run's wall cap, so another user's honest run waits at most two caps.
/// </summary>
[Collection(nameof(VerdictIntegrityCollection))]
public sealed class VerdictIntegrityFairnessTests(FairnessApiFactory factory) : IClassFixture<FairnessApiFactory>
{
    [Fact(Timeout = 180_000)]
    public async Task Four_slow_submissions_of_one_user_do_not_hold_up_another_users_run_beyond_the_cap()
    {
        var ct = TestContext.Current.CancellationToken;
        var mallory = "mallory-" + Guid.NewGuid();
        var slowClient = factory.ClientFor(mallory);
        var slowAttempt = await slowClient.NewAttemptAsync();
        var slow = Enumerable.Range(0, 4).Select(_ => slowClient.SubmitAsync(slowAttempt, Attacks.PythonSleepInInit)).ToList();

        // All four are in the queue (or already running), or refused (a per-user limit on jobs in flight may answer
        // 429), before the honest run is sent.
        var queued = Stopwatch.StartNew();
        while (true)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Submissions.CountAsync(s => s.UserId == mallory, ct);
            var refused = slow.Count(t => t.IsCompletedSuccessfully && t.Result.StatusCode == HttpStatusCode.TooManyRequests);
            if (stored + refused >= 4)
            {
                break;
            }
            Assert.True(queued.Elapsed < TimeSpan.FromSeconds(20), $"the slow submissions were never queued ({stored} stored, {refused} refused)");
            await Task.Delay(100, ct);
        }

        var honest = factory.ClientFor("honest-" + Guid.NewGuid());
        var attempt = await honest.NewAttemptAsync();
        var clock = Stopwatch.StartNew();
        var (_, _, final, status) = await IntegrityHttp.JudgeAsync(honest, "/api/coding/run", attempt, "python",
            "class Solution:\n    def add_two(self, a, b):\n        return a + b\n", TimeSpan.FromSeconds(45));
        var waited = clock.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"the honest run finished after {waited.TotalSeconds:0.0} s");

        Assert.Equal("accepted", final["summary"]!["status"]!.GetValue<string>());
        // Two rounds of slow submissions ahead of it on two workers, each at most the ~4 s wall cap plus start-ups,
        // then its own run: generous room for a loaded 2-core machine, far below what an uncapped judge takes.
        Assert.True(waited < TimeSpan.FromSeconds(30), $"the honest run took {waited.TotalSeconds:0.0} s: {IntegrityHttp.Trim(status)}");

        foreach (var response in await Task.WhenAll(slow))
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }
    }
}
