using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Api.Tests;

/// <summary>The candidate's and the author's flows, run against SQLite and against a real PostgreSQL.</summary>
public abstract class CodingFlowTests<TFactory>(TFactory factory) where TFactory : ApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_candidate_goes_from_attempt_to_draft_to_run_to_submit_to_status()
    {
        var client = factory.ClientFor("alice-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var problems = JsonNode.Parse(await client.GetStringAsync("/api/problems", Ct))!.AsArray();
        Assert.Contains(problems, p => p!["slug"]!.GetValue<string>() == "add-two");
        var problem = JsonNode.Parse(await client.GetStringAsync("/api/problems/add-two", Ct))!;
        Assert.Equal("add_two", problem["signature"]!["function_names"]!["python"]!.GetValue<string>());
        Assert.Equal(2, problem["examples"]!.AsArray().Count);
        Assert.Contains("add_two", problem["starter_code"]!["python"]!.GetValue<string>());
        // Rust's name is LeetCode's snake_case of the contract's, in the signature and the starter code alike.
        Assert.Equal("add_two", problem["signature"]!["function_names"]!["rust"]!.GetValue<string>());
        Assert.Contains("add_two", problem["starter_code"]!["rust"]!.GetValue<string>());

        var code = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
        var saved = await (await client.PutAsJsonAsync("/api/coding/drafts",
            new { attempt_id = attempt, problem_id = "add-two", language = "python", code }, Ct)).Json200();
        Assert.Equal(code, saved["code"]!.GetValue<string>());
        var restored = await (await client.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language=python", Ct)).Json200();
        Assert.Equal(code, restored["code"]!.GetValue<string>());

        var runResponse = await client.RunAsync(attempt, code);
        Assert.Equal(HttpStatusCode.OK, runResponse.StatusCode);
        var run = await runResponse.Json200();
        Assert.Equal("finished", run["status"]!.GetValue<string>());
        Assert.NotNull(run["run_id"]);
        Assert.Equal("accepted", run["summary"]!["status"]!.GetValue<string>());
        var results = run["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r!["pass"]!.GetValue<bool>()));
        Assert.Equal("public-0", results[0]!["test_id"]!.GetValue<string>());
        Assert.Equal(3, results[0]!["actual"]!.GetValue<long>());

        var submit = await (await client.SubmitAsync(attempt, code)).Json200();
        Assert.Equal("finished", submit["status"]!.GetValue<string>());
        var submissionId = submit["submission_id"]!.GetValue<Guid>();
        Assert.Equal(4, submit["summary"]!["total"]!.GetValue<int>());
        Assert.Equal(4, submit["summary"]!["passed"]!.GetValue<int>());
        Assert.Null(submit["results"]);

        var status = await (await client.GetAsync($"/api/coding/status?id={submissionId}", Ct)).Json200();
        Assert.Equal("accepted", status["summary"]!["status"]!.GetValue<string>());
        Assert.Equal("submit", status["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_attempts_drafts_and_submissions_answer_404()
    {
        var alice = factory.ClientFor("alice-" + Guid.NewGuid());
        var mallory = factory.ClientFor("mallory-" + Guid.NewGuid());
        var attempt = await alice.NewAttemptAsync();
        await (await alice.PutAsJsonAsync("/api/coding/drafts", new { attempt_id = attempt, problem_id = "add-two", language = "python", code = "secret" }, Ct)).Json200();
        var run = await (await alice.RunAsync(attempt, "x")).Json200();
        var runId = run["run_id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/api/attempts/{attempt}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language=python", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.PutAsJsonAsync("/api/coding/drafts", new { attempt_id = attempt, problem_id = "add-two", language = "python", code = "overwrite" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/api/coding/status?id={runId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.RunAsync(attempt, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.SubmitAsync(attempt, "x")).StatusCode);

        // Alice's draft is untouched.
        var draft = await (await alice.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language=python", Ct)).Json200();
        Assert.Equal("secret", draft["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hidden_test_data_never_reaches_a_candidate()
    {
        var client = factory.ClientFor("carol-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var bodies = new List<string>();

        var submitResponse = await client.SubmitAsync(attempt, "WRONG_HIDDEN");
        var submitBody = await submitResponse.Content.ReadAsStringAsync(Ct);
        bodies.Add(submitBody);
        var submit = JsonNode.Parse(submitBody)!;
        Assert.Equal("wrong_answer", submit["summary"]!["status"]!.GetValue<string>());
        Assert.Equal(2, submit["summary"]!["first_failing_test"]!.GetValue<int>());
        Assert.Equal("negatives", submit["summary"]!["first_failing_category"]!.GetValue<string>());
        bodies.Add(await client.GetStringAsync($"/api/coding/status?id={submit["submission_id"]}", Ct));
        bodies.Add(await (await client.RunAsync(attempt, "WRONG_HIDDEN")).Content.ReadAsStringAsync(Ct));
        bodies.Add(await client.GetStringAsync("/api/problems/add-two", Ct));
        bodies.Add(await client.GetStringAsync("/api/problems", Ct));
        bodies.Add(await (await client.GetAsync("/api/admin/problems/add-two", Ct)).Content.ReadAsStringAsync(Ct));

        foreach (var body in bodies)
        {
            Assert.DoesNotContain(ApiFactory.HiddenMarkerInput, body);
            Assert.DoesNotContain(ApiFactory.HiddenMarkerExpected, body);
            Assert.DoesNotContain("\"hidden\"", body);
            Assert.DoesNotContain("def add_two", body); // the reference solution
        }

        // An admin does see them.
        var admin = factory.ClientFor("admin-" + Guid.NewGuid(), "admin");
        var full = await admin.GetStringAsync("/api/admin/problems/add-two", Ct);
        Assert.Contains(ApiFactory.HiddenMarkerInput, full);
    }

    [Fact]
    public async Task Custom_inputs_are_validated_and_judged_against_the_reference_solution()
    {
        var client = factory.ClientFor("dave-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var run = await (await client.RunAsync(attempt, "WRONG_PUBLIC", new[] { new { a = 10, b = 20 } })).Json200();
        var result = Assert.Single(run["results"]!.AsArray())!;
        Assert.Equal("custom-0", result["test_id"]!.GetValue<string>());
        Assert.Equal(30, result["expected"]!.GetValue<long>());
        Assert.Equal(31, result["actual"]!.GetValue<long>());
        Assert.False(result["pass"]!.GetValue<bool>());

        var bad = await client.RunAsync(attempt, "x", new object[] { new { a = "ten", b = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]!["custom_inputs[0].input.a"]);

        var missing = await client.RunAsync(attempt, "x", new object[] { new { a = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("custom_inputs[0].input.b", await missing.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_slow_judgement_answers_queued_and_is_then_polled_to_completion()
    {
        var client = factory.ClientFor("erin-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var response = await client.SubmitAsync(attempt, "SLOW");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Json200();
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "queued", "running" });
        var id = body["submission_id"]!.GetValue<Guid>();
        Assert.Null(body["summary"]);

        JsonNode status;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(250, Ct);
            status = await (await client.GetAsync($"/api/coding/status?id={id}", Ct)).Json200();
        }
        while (status["status"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("finished", status["status"]!.GetValue<string>());
        Assert.Equal("accepted", status["summary"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jobs_orphaned_by_a_dead_process_are_queued_again_or_failed_instead_of_waiting_forever()
    {
        var user = "olga-" + Guid.NewGuid();
        var client = factory.ClientFor(user);
        var attempt = await client.NewAttemptAsync();
        var queuedId = Guid.NewGuid();
        var runningId = Guid.NewGuid();
        var longAgo = DateTimeOffset.UtcNow.AddHours(-2);
        using (var scope = factory.Services.CreateScope())
        {
            // As a crashed process leaves them: a row still queued (its in-memory queue is gone) and one still running.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var problemId = await db.Problems.Where(p => p.Slug == "add-two").Select(p => p.Id).SingleAsync(Ct);
            foreach (var (id, status) in new[] { (queuedId, SubmissionStatuses.Queued), (runningId, SubmissionStatuses.Running) })
            {
                db.Submissions.Add(new SubmissionEntity
                {
                    Id = id,
                    AttemptId = attempt,
                    ProblemId = problemId,
                    UserId = user,
                    Language = "python",
                    Mode = SubmissionModes.Submit,
                    CodeText = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n",
                    Status = status,
                    CreatedAt = longAgo,
                    StartedAt = status == SubmissionStatuses.Running ? longAgo : null,
                });
            }
            await db.SaveChangesAsync(Ct);
        }

        // What the service does at start and every 30 s (a periodic sweep may get there first: the outcome is the same).
        await factory.Services.GetRequiredService<OrphanedJobSweeper>().SweepAsync(Ct);

        JsonNode queued;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100, Ct);
            queued = await (await client.GetAsync($"/api/coding/status?id={queuedId}", Ct)).Json200();
        }
        while (queued["status"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("finished", queued["status"]!.GetValue<string>());
        Assert.Equal("accepted", queued["summary"]!["status"]!.GetValue<string>());

        var running = await (await client.GetAsync($"/api/coding/status?id={runningId}", Ct)).Json200();
        Assert.Equal("failed", running["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Compile_errors_are_shown_to_the_candidate()
    {
        var client = factory.ClientFor("frank-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var run = await (await client.SubmitAsync(attempt, "COMPILE_ERROR")).Json200();
        Assert.Equal("compilation_error", run["summary"]!["status"]!.GetValue<string>());
        Assert.Contains("expected ';'", run["compile_output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_requests_name_the_offending_field()
    {
        var client = factory.ClientFor("gina-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        async Task<JsonNode> Expect400(HttpResponseMessage response, string field)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
            var problem = JsonNode.Parse(text)!;
            Assert.True(problem["errors"]?[field] is not null, $"expected an error for {field}: {text}");
            return problem;
        }

        await Expect400(await client.PostAsJsonAsync("/api/coding/run", new { attempt_id = attempt, problem_id = "add-two", language = "cobol", code = "x" }, Ct), "language");
        await Expect400(await client.PostAsJsonAsync("/api/coding/run", new { attempt_id = attempt, problem_id = "no-such", language = "python", code = "x" }, Ct), "problem_id");
        await Expect400(await client.PostAsJsonAsync("/api/coding/submit", new { attempt_id = attempt, problem_id = "add-two", language = "java", code = new string('x', 51 * 1024) }, Ct), "code");
        await Expect400(await client.PostAsync("/api/coding/run", new StringContent("{\"attempt_id\": 12}", System.Text.Encoding.UTF8, "application/json"), Ct), "attempt_id");
        await Expect400(await client.GetAsync("/api/coding/status?id=not-a-guid", Ct), "id");

        var huge = await client.PostAsync("/api/coding/run", new StringContent(new string(' ', 2 * 1024 * 1024), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/problems", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/coding/run", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_author_problems_and_invalid_problems_are_rejected_with_the_field()
    {
        var candidate = factory.ClientFor("henry-" + Guid.NewGuid());
        var admin = factory.ClientFor("root-" + Guid.NewGuid(), "admin");
        var slug = "mul-" + Guid.NewGuid().ToString("N")[..8];
        var definition = JsonNode.Parse($$"""
            { "title": "Multiply", "difficulty": "medium", "statement_md": "a*b",
              "signature": { "function_name": "mul", "params": [ { "name": "a", "type": "integer" }, { "name": "b", "type": "integer" } ], "return_type": "integer" },
              "tests": [ { "visibility": "public", "input": { "a": 2, "b": 3 }, "expected": 5 },
                         { "visibility": "hidden", "input": { "a": 4, "b": 1 }, "expected": 5, "category": "one" } ],
              "reference_solutions": { "python": "class Solution:\n    def mul(self, a, b):\n        return a + b\n" } }
            """)!;

        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync("/api/admin/problems/add-two", Ct)).StatusCode);

        var created = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var replaced = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var visible = JsonNode.Parse(await candidate.GetStringAsync($"/api/problems/{slug}", Ct))!;
        Assert.Single(visible["examples"]!.AsArray());

        definition["tests"]![0]!["input"]!["a"] = 3_000_000_000;
        var invalid = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("tests[0].input.a", await invalid.Content.ReadAsStringAsync(Ct));

        definition["tests"]![0]!["input"]!["a"] = 2;
        definition["reference_solutions"]!["python"] = "WRONG_HIDDEN";
        var wrongReference = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", definition, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongReference.StatusCode);
        Assert.Contains("reference_solutions.python", await wrongReference.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class SqliteCodingFlowTests(ApiFactory factory) : CodingFlowTests<ApiFactory>(factory), IClassFixture<ApiFactory>;

public sealed class PostgresCodingFlowTests(PostgresApiFactory factory) : CodingFlowTests<PostgresApiFactory>(factory), IClassFixture<PostgresApiFactory>;
