using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Tests;

namespace CodeRoom.Runner.Tests;

/// <summary>A fleet Api with a short bound on the editor's wait for a runner.</summary>
public sealed class EditorFleetApiFactory : FleetApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        Settings["RabbitMq:EditorTimeoutSeconds"] = "3";
    }
}

/// <summary>Issue 15 in fleet mode: the Api has no sandbox, so the editor's live check and server format go to a runner
/// over the broker; without a runner they answer 503 within the bound.</summary>
public sealed class FleetEditorTests(EditorFleetApiFactory factory) : IClassFixture<EditorFleetApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task Checks_and_formats_are_answered_by_a_runner_and_by_503_in_bounded_time_without_one()
    {
        var client = factory.ClientFor("fleet-editor-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        const string bad = "class Solution {\n    public long addTwo(long a, long b) {\n        return missing + b;\n    }\n}\n";

        // No runner: 503 within the bound (3 s here), never a hang.
        var clock = Stopwatch.StartNew();
        var none = await client.PostAsJsonAsync("/api/coding/check", new { attempt_id = attempt, problem_id = "add-two", language = "java", code = bad }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, none.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");

        await using var runner = factory.StartRunner(17);
        await runner.WaitUntilConsumingAsync(Ct);
        JsonObject? check = null;
        for (var i = 0; i < 10 && check is null; i++)
        {
            // The runner's first check may still meet its javac starting: a 503 then, so ask again.
            var response = await client.PostAsJsonAsync("/api/coding/check", new { attempt_id = attempt, problem_id = "add-two", language = "java", code = bad }, Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                check = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
            }
        }
        Assert.NotNull(check);
        var diagnostic = check["diagnostics"]!.AsArray().Single()!;
        Assert.Equal(3, diagnostic["line"]!.GetValue<int>());
        Assert.Equal("error", diagnostic["severity"]!.GetValue<string>());
        Assert.Contains("missing", diagnostic["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var format = await (await client.PostAsJsonAsync("/api/coding/format",
            new { attempt_id = attempt, problem_id = "add-two", language = "rust", code = "impl Solution{pub fn add_two(a:i64,b:i64)->i64{a+b}}\n" }, Ct))
            .Json200();
        Assert.Contains("pub fn add_two(a: i64, b: i64) -> i64 {", format["formatted"]!.GetValue<string>(), StringComparison.Ordinal);

        // Languages the browser checks are refused as before (the runner says it has no check for them).
        var script = await client.PostAsJsonAsync("/api/coding/check", new { attempt_id = attempt, problem_id = "add-two", language = "javascript", code = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
    }
}
