using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Tests;
using CodeRoom.Dispatch;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Runner.Tests;

/// <summary>Issue 12's faults with the real broker, database and runner processes.</summary>
public sealed class FleetTests(FleetApiFactory factory) : IClassFixture<FleetApiFactory>
{
    private const string Sleeps = "import time\nclass Solution:\n    def add_two(self, a, b):\n        time.sleep(30)\n        return a + b\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task A_run_is_judged_by_a_runner_and_answered_within_the_wait_in_one_trace_while_the_api_judges_nothing()
    {
        Assert.IsNotType<JudgeEngineAdapter>(factory.Services.GetRequiredService<ICodeJudge>());
        await using var runner = factory.StartRunner(0);
        await runner.WaitUntilConsumingAsync(Ct);
        var client = factory.ClientFor("fleet-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/coding/run")
        {
            Content = JsonContent.Create(new { attempt_id = attempt, problem_id = "add-two", language = "python", code = Candidates.Sum }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await client.SendAsync(request, Ct);

        // 200, not 202: the Api heard of the result from the runner (a completion event on the broker).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json200();
        Assert.Equal("accepted", body["summary"]!["status"]!.GetValue<string>());
        var id = body["run_id"]!.GetValue<Guid>();
        var started = await runner.WaitForLineAsync(l => l.Contains($"STARTED {id}", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Ct);
        Assert.Contains($"trace {traceId}", started);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_runner_killed_mid_job_loses_nothing_another_judges_it_once_and_its_successor_cleans_up()
    {
        await using var a = factory.StartRunner(1);
        await using var b = factory.StartRunner(2);
        await Task.WhenAll(a.WaitUntilConsumingAsync(Ct), b.WaitUntilConsumingAsync(Ct));
        var client = factory.ClientFor("fleet-kill-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var submit = client.SubmitAsync(attempt, Sleeps); // waits for its result: the client keeps waiting meanwhile

        // Whichever runner got the job is the victim; the candidate is asleep in its sandbox.
        var runners = new[] { a, b };
        var first = await Task.WhenAny(runners.Select(r => r.WaitForLineAsync(l => l.Contains("STARTED ", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), Ct).ContinueWith(_ => r, Ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default)));
        var victim = await first;
        var other = victim == a ? b : a;
        var line = victim.Lines.First(l => l.Contains("STARTED ", StringComparison.Ordinal));
        var id = Guid.Parse(line[(line.IndexOf("STARTED ", StringComparison.Ordinal) + 8)..].Split(' ')[0]);
        // Kill once the candidate sleeps in its sandbox (a cold runner takes a moment to get there).
        var sandbox = RunnerProcess.SandboxOf(victim.Id);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ProcessesOf(sandbox.FirstSlotUid, sandbox.FirstSlotUid + 99).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }
        Assert.NotEmpty(ProcessesOf(sandbox.FirstSlotUid, sandbox.FirstSlotUid + 99));
        await Task.Delay(300, Ct);
        victim.Kill();

        var redelivered = await other.WaitForLineAsync(l => l.Contains($"STARTED {id} (redelivered: True", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), Ct);
        Assert.NotNull(redelivered);
        var response = await submit;
        var status = response.StatusCode == HttpStatusCode.OK ? await response.Json200() : await client.WaitForResultAsync(id, Ct, 60);
        Assert.Equal("finished", status["status"]!.GetValue<string>());
        Assert.Single(victim.Lines.Concat(other.Lines), l => l.Contains($"STARTED {id}", StringComparison.Ordinal) && l.Contains("redelivered: True", StringComparison.Ordinal));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == id, Ct));
        }

        // The killed runner's successor (same id) removes what it left: processes of its uids, cgroups, boxes.
        var boxesLeft = Directory.EnumerateFileSystemEntries(sandbox.BoxRoot).Count();
        var cgroupsLeft = RunCgroups(sandbox.CgroupName).Count;
        Assert.True(boxesLeft + cgroupsLeft > 0, "a runner killed mid-job leaves its run's box and cgroup behind");
        await using var successor = factory.StartRunner(victim.Id);
        var cleaned = await successor.WaitForLineAsync(l => l.Contains("cleaned up", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(cleaned);
        Assert.Contains($"{boxesLeft} boxes left", cleaned);
        Assert.Empty(ProcessesOf(sandbox.FirstSlotUid, sandbox.FirstSlotUid + 99));
        Assert.Empty(Directory.Exists(sandbox.BoxRoot) ? Directory.EnumerateFileSystemEntries(sandbox.BoxRoot) : []);
        Assert.Empty(RunCgroups(sandbox.CgroupName));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_job_that_crashes_its_runner_every_time_is_dead_lettered_and_failed_while_other_jobs_flow()
    {
        await using var a = factory.StartRunner(3, crashMarker: "POISON", restartOnCrash: true);
        await using var b = factory.StartRunner(4, crashMarker: "POISON", restartOnCrash: true);
        await Task.WhenAll(a.WaitUntilConsumingAsync(Ct), b.WaitUntilConsumingAsync(Ct));
        var client = factory.ClientFor("fleet-poison-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var poison = await client.SubmitAsync(attempt, Candidates.Sum + "# POISON\n");
        var poisonId = (await poison.Json200())["submission_id"]!.GetValue<Guid>();
        var status = await client.WaitForResultAsync(poisonId, Ct, 120);
        Assert.Equal("failed", status["status"]!.GetValue<string>());
        Assert.Equal(3, a.Lines.Concat(b.Lines).Count(l => l.Contains($"STARTED {poisonId}", StringComparison.Ordinal))); // limit 2: 3 deliveries
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var log = await db.RunLogs.SingleAsync(l => l.SubmissionId == poisonId, Ct);
            Assert.Contains("set aside after failing on every delivery", log.InternalMessage);
        }

        await Task.WhenAll(a.WaitUntilConsumingAsync(Ct), b.WaitUntilConsumingAsync(Ct));
        var fine = await client.SubmitAsync(attempt, Candidates.Sum);
        var fineId = (await fine.Json200())["submission_id"]!.GetValue<Guid>();
        var fineStatus = await client.WaitForResultAsync(fineId, Ct, 60);
        Assert.Equal("finished", fineStatus["status"]!.GetValue<string>());
        Assert.Equal("accepted", fineStatus["summary"]!["status"]!.GetValue<string>());
    }

    [Fact(Timeout = 180_000)]
    public async Task Concurrent_runs_published_at_once_all_finish_once_across_two_runners()
    {
        await using var a = factory.StartRunner(7);
        await using var b = factory.StartRunner(8);
        await Task.WhenAll(a.WaitUntilConsumingAsync(Ct), b.WaitUntilConsumingAsync(Ct));
        var client = factory.ClientFor("fleet-burst-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        // One channel, many publishes in flight at once (publisher confirms tracked per message).
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.RunAsync(attempt, Candidates.Sum)));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.Json200())["run_id"]!.GetValue<Guid>());
        }
        foreach (var id in ids)
        {
            Assert.Equal("finished", (await client.WaitForResultAsync(id, Ct, 120))["status"]!.GetValue<string>());
        }
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(ids.Count, await db.RunLogs.CountAsync(l => ids.Contains(l.SubmissionId), Ct));
        // Both runners took a share (prefetch = their one slot each).
        Assert.Contains(a.Lines, l => l.Contains("STARTED ", StringComparison.Ordinal));
        Assert.Contains(b.Lines, l => l.Contains("STARTED ", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_job_judges_the_problem_as_it_was_when_the_job_was_created_even_if_an_admin_edits_it_meanwhile()
    {
        var admin = factory.ClientFor("fleet-admin-" + Guid.NewGuid(), "admin");
        var slug = "snap-" + Guid.NewGuid().ToString("N")[..8];
        var definition = JsonNode.Parse("""
            { "title": "Add", "difficulty": "easy", "statement_md": "a+b",
              "signature": { "function_name": "add", "params": [ { "name": "a", "type": "integer" }, { "name": "b", "type": "integer" } ], "return_type": "integer" },
              "tests": [ { "visibility": "public", "input": { "a": 2, "b": 3 }, "expected": 5 },
                         { "visibility": "hidden", "input": { "a": 4, "b": 1 }, "expected": 5, "category": "one" } ],
              "reference_solutions": { "python": "class Solution:\n    def add(self, a, b):\n        return a + b\n" } }
            """)!;
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct)).StatusCode);

        // No runner yet: the job waits in the queue, carrying the problem as it is now.
        var client = factory.ClientFor("fleet-snap-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var submit = client.PostAsJsonAsync("/api/coding/submit", new
        {
            attempt_id = attempt,
            problem_id = slug,
            language = "python",
            code = "class Solution:\n    def add(self, a, b):\n        return a + b\n",
        }, Ct);
        await Task.Delay(500, Ct);
        // The admin changes every expected output: judged against this revision, a + b would now be wrong.
        definition["tests"]![0]!["expected"] = 6;
        definition["tests"]![1]!["expected"] = 6;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct)).StatusCode);

        await using var runner = factory.StartRunner(9);
        var response = await submit;
        var id = (await response.Json200())["submission_id"]!.GetValue<Guid>();
        var result = await client.WaitForResultAsync(id, Ct, 60);
        Assert.Equal("accepted", result["summary"]!["status"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_that_never_reached_a_runner_is_failed_by_the_sweeper_instead_of_staying_queued_forever()
    {
        var client = factory.ClientFor("fleet-lost-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var id = Guid.NewGuid();
        using (var scope = factory.Services.CreateScope())
        {
            // As an Api that died between storing the row and publishing the job leaves it.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var problemId = await db.Problems.Where(p => p.Slug == "add-two").Select(p => p.Id).SingleAsync(Ct);
            var owner = await db.Attempts.Where(a => a.Id == attempt).Select(a => a.UserId).SingleAsync(Ct);
            db.Submissions.Add(new SubmissionEntity
            {
                Id = id,
                AttemptId = attempt,
                ProblemId = problemId,
                UserId = owner,
                Language = "python",
                Mode = SubmissionModes.Run,
                CodeText = Candidates.Sum,
                Status = SubmissionStatuses.Queued,
                CreatedAt = DateTimeOffset.UtcNow.AddHours(-2),
            });
            await db.SaveChangesAsync(Ct);
        }

        var (requeued, failed) = await factory.Services.GetRequiredService<Api.Judging.OrphanedJobSweeper>().SweepAsync(Ct);
        Assert.Equal(0, requeued); // the broker holds queued jobs: nothing is queued twice
        Assert.True(failed >= 1);
        Assert.Equal("failed", (await client.WaitForResultAsync(id, Ct))["status"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_runner_with_a_configuration_error_prints_one_line_naming_the_variable_and_exits_2()
    {
        foreach (var (variable, value) in new[] { ("RABBITMQ_URL", ""), ("RABBITMQ_URL", "http://broker"), ("RUNNER_ID", "seven"),
            ("DATABASE_URL", "mysql://db"), ("DATABASE_URL", "postgres://[bad") })
        {
            var env = new Dictionary<string, string?> { ["RABBITMQ_URL"] = factory.RabbitUrl, ["RUNNER_ID"] = "9", [variable] = value };
            var (exit, output) = await RunnerProcess.RunToExitAsync(env, Ct);
            Assert.Equal(2, exit);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains(variable, lines[0]);
        }
    }

    internal static List<int> ProcessesOf(int firstUid, int lastUid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid), Pid: pid))
            .Where(p => p.Ok)
            .Where(p =>
            {
                try
                {
                    var uidLine = File.ReadLines(Path.Combine(p.Dir, "status")).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                    var uid = uidLine is null ? -1 : int.Parse(uidLine[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
                    return uid >= firstUid && uid <= lastUid;
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .Select(p => p.Pid).ToList();

    /// <summary>Run cgroups (children) left in the runner's subtree, under this process's own memory cgroup (cgroup v1)
    /// or its unified cgroup (v2).</summary>
    internal static List<string> RunCgroups(string subtree)
    {
        var own = File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).ToList();
        var memory = own.FirstOrDefault(f => f[1].Split(',').Contains("memory"));
        var root = memory is not null
            ? Path.Combine("/sys/fs/cgroup/memory", memory[2].TrimStart('/'), subtree)
            : Path.Combine("/sys/fs/cgroup", own.First(f => f[1].Length == 0)[2].TrimStart('/'), subtree);
        return Directory.Exists(root) ? Directory.EnumerateDirectories(root).ToList() : [];
    }
}
