using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CodeRoom.Api.Tests;

/// <summary>The whole path through the real judge: HTTP, queue, sandbox, toolchains, storage (SQLite and PostgreSQL).</summary>
public abstract class RealJudgeFlowTests<TFactory>(TFactory factory) where TFactory : RealJudgeApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task Run_and_submit_go_through_the_sandbox_and_report_real_verdicts()
    {
        var client = factory.ClientFor("erin-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var accepted = await (await client.RunAsync(attempt, "class Solution:\n    def add_two(self, a, b):\n        print('adding', a, b)\n        return a + b\n")).Json200();
        Assert.Equal("accepted", accepted["summary"]!["status"]!.GetValue<string>());
        var first = accepted["results"]!.AsArray()[0]!;
        Assert.Equal(3, first["actual"]!.GetValue<long>());
        Assert.Contains("adding 1 2", first["stdout"]!.GetValue<string>());

        var wrong = await (await client.SubmitAsync(attempt, "class Solution:\n    def add_two(self, a, b):\n        return a + b if a > 0 else 7\n")).Json200();
        Assert.Equal("wrong_answer", wrong["summary"]!["status"]!.GetValue<string>());
        Assert.Equal(2, wrong["summary"]!["first_failing_test"]!.GetValue<int>());
        var body = wrong.ToJsonString();
        Assert.DoesNotContain(ApiFactory.HiddenMarkerInput, body);
        Assert.DoesNotContain(ApiFactory.HiddenMarkerExpected, body);

        var syntax = await (await client.RunAsync(attempt, "class Solution:\n    def add_two(self, a, b)\n        return a + b\n")).Json200();
        Assert.Equal("compilation_error", syntax["summary"]!["status"]!.GetValue<string>());

        var java = await (await client.PostAsJsonAsync("/api/coding/submit", new
        {
            attempt_id = attempt,
            problem_id = "add-two",
            language = "java",
            code = "class Solution {\n    public long addTwo(long a, long b) { return a + b; }\n}\n",
        }, Ct)).Json200();
        Assert.Equal("accepted", java["summary"]!["status"]!.GetValue<string>());

        var cpp = await (await client.PostAsJsonAsync("/api/coding/run", new
        {
            attempt_id = attempt,
            problem_id = "add-two",
            language = "cpp",
            code = "class Solution {\npublic:\n    long long addTwo(long long a, long long b) { while (true) {} }\n};\n",
        }, Ct)).Json200();
        Assert.Equal("time_limit_exceeded", cpp["summary"]!["status"]!.GetValue<string>());
        // The C++ compile left a sandbox waiting for the next one, clang loaded in it, and the admin live panel shows it.
        var admin = factory.ClientFor("admin-" + Guid.NewGuid(), "admin");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode? waiting = null;
        while (waiting is null && DateTime.UtcNow < deadline)
        {
            var live = await (await admin.GetAsync("/api/admin/live", Ct)).Json200();
            waiting = live["compile_sandboxes"]!.AsArray().FirstOrDefault(c => c!["language"]!.GetValue<string>() == "cpp");
            if (waiting is null)
            {
                await Task.Delay(200, Ct);
            }
        }
        Assert.NotNull(waiting);
        Assert.Equal("run", waiting["purpose"]!.GetValue<string>());
        Assert.True(waiting["compiler_started"]!.GetValue<bool>());
        Assert.InRange(waiting["age_seconds"]!.GetValue<double>(), 0, 60);

        var status = await client.GetAsync($"/api/coding/status?id={java["submission_id"]}", Ct);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }
}

public sealed class SqliteRealJudgeFlowTests(RealJudgeApiFactory factory)
    : RealJudgeFlowTests<RealJudgeApiFactory>(factory), IClassFixture<RealJudgeApiFactory>;

public sealed class PostgresRealJudgeFlowTests(PostgresRealJudgeApiFactory factory)
    : RealJudgeFlowTests<PostgresRealJudgeApiFactory>(factory), IClassFixture<PostgresRealJudgeApiFactory>;
