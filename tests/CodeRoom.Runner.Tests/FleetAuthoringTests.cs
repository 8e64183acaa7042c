using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Tests;

namespace CodeRoom.Runner.Tests;

/// <summary>A fleet Api that verifies reference solutions when a problem is saved, with a short bound on the wait.</summary>
public sealed class VerifyingFleetApiFactory : FleetApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        Settings["Content:VerifyReferenceSolutions"] = "true";
        Settings["RabbitMq:VerifyTimeoutSeconds"] = "4";
    }
}

/// <summary>Issue 12: problem authoring works in fleet mode. The Api judges nothing, so the reference solutions are
/// judged by a runner over the broker; without a runner the save answers 503 within the bound, never saving an
/// unverified problem.</summary>
public sealed class FleetAuthoringTests(VerifyingFleetApiFactory factory) : IClassFixture<VerifyingFleetApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonNode Definition(string reference) => JsonNode.Parse($$"""
        { "title": "Multiply", "difficulty": "medium", "statement_md": "a*b",
          "signature": { "function_name": "mul", "params": [ { "name": "a", "type": "integer" }, { "name": "b", "type": "integer" } ], "return_type": "integer" },
          "tests": [ { "visibility": "public", "input": { "a": 2, "b": 3 }, "expected": 6 },
                     { "visibility": "hidden", "input": { "a": 4, "b": 1 }, "expected": 4, "category": "one" } ],
          "reference_solutions": { "python": {{JsonValue.Create(reference).ToJsonString()}} } }
        """)!;

    private const string Right = "class Solution:\n    def mul(self, a, b):\n        return a * b\n";
    private const string Wrong = "class Solution:\n    def mul(self, a, b):\n        return a + b\n";

    [Fact(Timeout = 180_000)]
    public async Task Authoring_in_fleet_mode_has_a_runner_check_the_reference_solutions_and_answers_503_in_bounded_time_without_one()
    {
        var admin = factory.ClientFor("author-" + Guid.NewGuid(), "admin");
        var slug = "mul-" + Guid.NewGuid().ToString("N")[..8];

        // No runner: the check cannot be made, so nothing is saved; 503 with Retry-After once the bound (4 s) passes.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refused = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", Definition(Right), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "503 without Retry-After");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/problems/{slug}", Ct)).StatusCode);

        await using var runner = factory.StartRunner(11);
        await runner.WaitUntilConsumingAsync(Ct);

        // A wrong reference solution is caught by the runner's judge: 400 on the field, with the verdict.
        var wrong = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", Definition(Wrong), Ct);
        var wrongBody = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.True(wrong.StatusCode == HttpStatusCode.BadRequest, $"{wrong.StatusCode}: {wrongBody}");
        Assert.Contains("reference_solutions.python", wrongBody);
        Assert.Contains("wrong_answer", wrongBody);

        // A right one is accepted on every test and saved, the languages checked in the answer.
        var created = await admin.PutAsJsonAsync($"/api/admin/problems/{slug}", Definition(Right), Ct);
        var body = await created.Content.ReadAsStringAsync(Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {body}");
        Assert.Equal("python", JsonNode.Parse(body)!["verified_languages"]![0]!.GetValue<string>());

        // The request that timed out expired on the broker: the runner judged two checks, not three.
        await runner.WaitForLineAsync(l => l.Contains("1 of 1 accepted", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(2, runner.Lines.Count(l => l.Contains("Checked reference solutions", StringComparison.Ordinal)));
    }
}
