using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Storage;
using CodeRoom.Storage.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Api.Tests;

/// <summary>The service with retention off (the seeded runs are years old) and a scrape token; seeds once.</summary>
public class AdminApiFactory : ApiFactory
{
    public const string MetricsToken = "metrics-token-for-tests";
    public const int Seeded = 400;
    public static readonly DateTimeOffset SeedNow = new(2020, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly SemaphoreSlim _seed = new(1, 1);
    private bool _seeded;

    protected override void Configure()
    {
        Settings["Observability:RunLogRetentionDays"] = "0";
        Settings["Observability:MetricsToken"] = MetricsToken;
    }

    /// <summary><see cref="Seeded"/> runs over the day before <see cref="SeedNow"/>, rolled up.</summary>
    public async Task EnsureSeededAsync()
    {
        await _seed.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(Seeded, await RunLogSeeder.SeedAsync(db, Seeded, 1, SeedNow, CancellationToken.None));
            await RunStatsRollup.RefreshAsync(db, SeedNow.AddDays(-3), CancellationToken.None);
            _seeded = true;
        }
        finally
        {
            _seed.Release();
        }
    }
}

public sealed class PostgresAdminApiFactory : AdminApiFactory
{
    protected override bool UsePostgres => true;
}

/// <summary>The admin statistics API against the seeded truth (RunLogSeeder's deterministic rows), on SQLite and
/// PostgreSQL; who may call it; the run-log browser and retention.</summary>
public abstract class AdminStatsTests<TFactory>(TFactory factory) where TFactory : AdminApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Range = "from=2020-01-01T00:00:00Z&to=2020-01-02T01:00:00Z";
    private static readonly long[] Rows = [.. Enumerable.Range(0, AdminApiFactory.Seeded).Select(i => (long)i)];

    private HttpClient Admin => factory.ClientFor("admin-1", "admin");

    [Fact]
    public async Task Problem_stats_match_the_seeded_truth_per_language()
    {
        await factory.EnsureSeededAsync();
        var items = (await (await Admin.GetAsync($"/api/admin/stats/problems?{Range}", Ct)).Json200())["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            Assert.Equal("add-two", item!["problem_id"]!.GetValue<string>());
            var language = item["language"]!.GetValue<string>();
            var mine = Rows.Where(i => RunLogSeeder.LanguageOf(i) == language).ToList();
            var submits = mine.Where(i => RunLogSeeder.ModeOf(i) == "submit").ToList();
            double Rate(string verdict) => (double)submits.Count(i => RunLogSeeder.VerdictOf(i) == verdict) / submits.Count;
            Assert.Equal(submits.Count, item["submits"]!.GetValue<long>());
            Assert.Equal(mine.Count - submits.Count, item["runs"]!.GetValue<long>());
            Assert.Equal(Rate("accepted"), item["acceptance_rate"]!.GetValue<double>(), 9);
            Assert.Equal(Rate("time_limit_exceeded"), item["timeout_rate"]!.GetValue<double>(), 9);
            Assert.Equal(Rate("compilation_error"), item["compile_error_rate"]!.GetValue<double>(), 9);
            Assert.Equal(Rate("runtime_error"), item["runtime_error_rate"]!.GetValue<double>(), 9);

            var runtimes = submits.Where(i => RunLogSeeder.VerdictOf(i) != "compilation_error").Select(RunLogSeeder.CpuMsOf).Order().ToList();
            Assert.Equal(Math.Round(runtimes.Average(), 3), item["avg_runtime_ms"]!.GetValue<double>(), 6);
            AssertInBucketOf(runtimes[(int)Math.Ceiling(0.5 * runtimes.Count) - 1], item["median_runtime_ms"]!.GetValue<double>());
            AssertInBucketOf(runtimes[(int)Math.Ceiling(0.95 * runtimes.Count) - 1], item["p95_runtime_ms"]!.GetValue<double>());
        }
    }

    /// <summary>Percentiles come from the fixed-bucket histogram: the estimate lies in the bucket of the true value.</summary>
    private static void AssertInBucketOf(double truth, double estimate)
    {
        var bounds = StatsBuckets.BoundsMs;
        var i = Array.FindIndex(bounds, b => truth <= b);
        var lower = i <= 0 ? 0 : bounds[i - 1];
        var upper = i < 0 ? bounds[^1] : bounds[i];
        Assert.InRange(estimate, lower, upper);
    }

    [Fact]
    public async Task The_timeline_counts_every_run_and_verdict_by_hour_and_by_day()
    {
        await factory.EnsureSeededAsync();
        foreach (var bucket in new[] { "hour", "day" })
        {
            var items = (await (await Admin.GetAsync($"/api/admin/stats/timeline?{Range}&bucket={bucket}", Ct)).Json200())["items"]!.AsArray();
            Assert.Equal(bucket == "hour" ? 25 : 2, items.Count);
            Assert.Equal(Rows.Count(i => RunLogSeeder.ModeOf(i) == "run"), items.Sum(b => b!["runs"]!.GetValue<long>()));
            Assert.Equal(Rows.Count(i => RunLogSeeder.ModeOf(i) == "submit"), items.Sum(b => b!["submits"]!.GetValue<long>()));
            foreach (var verdict in new[] { "accepted", "wrong_answer", "time_limit_exceeded", "runtime_error", "compilation_error" })
            {
                Assert.Equal(Rows.Count(i => RunLogSeeder.VerdictOf(i) == verdict), items.Sum(b => b!["verdicts"]![verdict]!.GetValue<long>()));
            }
            foreach (var b in items)
            {
                var start = b!["bucket_start"]!.GetValue<DateTimeOffset>();
                Assert.Equal(TimeSpan.Zero, bucket == "hour" ? start.TimeOfDay - TimeSpan.FromHours(start.Hour) : start.TimeOfDay);
                Assert.InRange(b["median_queue_wait_ms"]!.GetValue<double>(), 0, 50);
            }
        }
        var bad = await Admin.GetAsync($"/api/admin/stats/timeline?{Range}&bucket=week", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_runtime_distribution_has_fixed_buckets_and_counts_every_run_that_ran()
    {
        await factory.EnsureSeededAsync();
        var items = (await (await Admin.GetAsync($"/api/admin/stats/runtime?{Range}", Ct)).Json200())["items"]!.AsArray();
        Assert.Equal(["cpp", "java", "python"], items.Select(i => i!["language"]!.GetValue<string>()));
        foreach (var item in items)
        {
            var language = item!["language"]!.GetValue<string>();
            var buckets = item["buckets"]!.AsArray();
            Assert.Equal(StatsBuckets.Count, buckets.Count);
            Assert.Null(buckets[^1]!["le_ms"]);
            Assert.Equal(1, buckets[0]!["le_ms"]!.GetValue<double>());
            var ran = Rows.Where(i => RunLogSeeder.LanguageOf(i) == language && RunLogSeeder.VerdictOf(i) != "compilation_error").ToList();
            Assert.Equal(ran.Count, buckets.Sum(b => b!["count"]!.GetValue<long>()));
            Assert.Equal(ran.Count(i => RunLogSeeder.CpuMsOf(i) is > 1000 and <= 2000),
                buckets.Single(b => b!["le_ms"]?.GetValue<double>() == 2000)!["count"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task The_run_log_browser_filters_and_pages_with_a_cursor()
    {
        await factory.EnsureSeededAsync();
        var seen = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await Admin.GetAsync(
                $"/api/admin/run-logs?{Range}&user_id=seed-user-3&limit=3" + (cursor is null ? "" : "&cursor=" + cursor), Ct)).Json200();
            seen.AddRange(page["items"]!.AsArray().Select(n => n!));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(Rows.Count(i => i % RunLogSeeder.Attempts == 3), seen.Count);
        Assert.Equal(seen.Count, seen.Select(n => n["id"]!.GetValue<Guid>()).Distinct().Count());
        Assert.All(seen, n => Assert.Equal("seed-user-3", n["user_id"]!.GetValue<string>()));
        var times = seen.Select(n => n["created_at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);

        var tle = await (await Admin.GetAsync($"/api/admin/run-logs?{Range}&verdict=time_limit_exceeded&language=cpp&problem_id=add-two&limit=500", Ct))
            .Json200();
        Assert.Equal(Rows.Count(i => RunLogSeeder.VerdictOf(i) == "time_limit_exceeded" && RunLogSeeder.LanguageOf(i) == "cpp"),
            tle["items"]!.AsArray().Count);
        Assert.Null(tle["next_cursor"]);
        var first = tle["items"]![0]!;
        Assert.Equal(2000, first["cpu_ms"]!.GetValue<double>());
        Assert.Equal("submit", first["mode"]!.GetValue<string>() == "run" ? "submit" : first["mode"]!.GetValue<string>());

        var none = await (await Admin.GetAsync($"/api/admin/run-logs?problem_id=no-such-problem", Ct)).Json200();
        Assert.Empty(none["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.GetAsync("/api/admin/run-logs?cursor=garbage!!", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_run_log_opens_with_its_code_tests_and_compile_output()
    {
        var candidate = factory.ClientFor("carol-" + Guid.NewGuid());
        var attempt = await candidate.NewAttemptAsync();
        const string code = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
        await (await candidate.SubmitAsync(attempt, code)).Json200();
        await (await candidate.RunAsync(attempt, "COMPILE_ERROR")).Json200();

        var list = await (await Admin.GetAsync($"/api/admin/run-logs?attempt_id={attempt}", Ct)).Json200();
        var items = list["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var submit = items.Single(i => i!["mode"]!.GetValue<string>() == "submit")!;
        Assert.Equal("accepted", submit["verdict"]!.GetValue<string>());
        Assert.Equal(attempt, submit["attempt_id"]!.GetValue<Guid>());
        var detail = await (await Admin.GetAsync($"/api/admin/run-logs/{submit["id"]}", Ct)).Json200();
        Assert.Equal(code, detail["code"]!.GetValue<string>());
        Assert.Equal(4, detail["tests"]!.AsArray().Count);
        Assert.Equal("hidden", detail["tests"]![3]!["visibility"]!.GetValue<string>());
        Assert.Equal("add-two", detail["problem_id"]!.GetValue<string>());

        var failed = items.Single(i => i!["mode"]!.GetValue<string>() == "run")!;
        var compile = await (await Admin.GetAsync($"/api/admin/run-logs/{failed["id"]}", Ct)).Json200();
        Assert.Equal("compilation_error", compile["verdict"]!.GetValue<string>());
        Assert.Contains("expected ';'", compile["compile_output"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/admin/run-logs/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Candidates_get_403_and_strangers_401_from_every_admin_endpoint()
    {
        string[] paths =
        [
            "/api/admin/stats/problems", "/api/admin/stats/timeline", "/api/admin/stats/runtime", "/api/admin/live",
            "/api/admin/run-logs", $"/api/admin/run-logs/{Guid.NewGuid()}",
        ];
        var candidate = factory.ClientFor("mallory");
        var stranger = factory.CreateClient();
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync(path, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(path, Ct)).StatusCode);
            Assert.True((await Admin.GetAsync(path, Ct)).StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task The_live_panel_reports_the_queue_and_no_runners_in_embedded_mode()
    {
        var live = await (await Admin.GetAsync("/api/admin/live", Ct)).Json200();
        Assert.True(live["queue_depth"]!.GetValue<long>() >= 0);
        Assert.True(live["in_flight"]!.GetValue<long>() >= 0);
        Assert.NotNull(live["warm_pools"]!.AsArray());
        Assert.NotNull(live["compile_sandboxes"]!.AsArray());
        Assert.Empty(live["runners"]!.AsArray());
    }

    [Fact]
    public async Task The_live_panel_lists_runners_from_their_heartbeats_alive_when_recent()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.RunnerHeartbeats.AddRange(
            new Storage.Entities.RunnerHeartbeatEntity { Id = "host-a/0", Slots = 2, Busy = 1, StartedAt = now.AddMinutes(-5), LastSeen = now.AddSeconds(-2) },
            new Storage.Entities.RunnerHeartbeatEntity { Id = "host-b/1", Slots = 4, Busy = 0, StartedAt = now.AddHours(-1), LastSeen = now.AddMinutes(-10) });
        await db.SaveChangesAsync(Ct);
        try
        {
            var runners = (await (await Admin.GetAsync("/api/admin/live", Ct)).Json200())["runners"]!.AsArray();
            Assert.Equal(["host-a/0", "host-b/1"], runners.Select(r => r!["id"]!.GetValue<string>()));
            Assert.True(runners[0]!["alive"]!.GetValue<bool>());
            Assert.Equal(2, runners[0]!["slots"]!.GetValue<int>());
            Assert.Equal(1, runners[0]!["busy"]!.GetValue<int>());
            Assert.False(runners[1]!["alive"]!.GetValue<bool>());
            Assert.NotNull(runners[1]!["last_seen"]);
        }
        finally
        {
            await db.RunnerHeartbeats.ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task Several_instances_refreshing_the_roll_up_at_once_do_not_fail_or_double_count()
    {
        await factory.EnsureSeededAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await RunStatsRollup.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), AdminApiFactory.SeedNow.AddDays(-3), Ct);
        }));
        var items = (await (await Admin.GetAsync($"/api/admin/stats/timeline?{Range}&bucket=day", Ct)).Json200())["items"]!.AsArray();
        Assert.Equal(AdminApiFactory.Seeded, items.Sum(b => b!["runs"]!.GetValue<long>() + b["submits"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Retention_deletes_old_run_logs_and_keeps_their_submissions()
    {
        var old = new DateTimeOffset(2001, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await RunLogSeeder.SeedAsync(db, 30, 1, old, Ct);
        var cutoff = old.AddDays(1);
        Assert.Equal(30, await db.RunLogs.CountAsync(l => l.CreatedAt < cutoff, Ct));
        Assert.Equal(30, await AdminStats.PruneRunLogsAsync(db, cutoff, 7, Ct));
        Assert.Equal(0, await db.RunLogs.CountAsync(l => l.CreatedAt < cutoff, Ct));
        Assert.Equal(30, await db.Submissions.CountAsync(s => s.CreatedAt < cutoff && s.CodeText == "# seeded run", Ct));
    }

    [Fact]
    public async Task The_scrape_endpoint_answers_the_token_holder_and_admins_only()
    {
        var candidate = factory.ClientFor("dave-" + Guid.NewGuid());
        var attempt = await candidate.NewAttemptAsync();
        await (await candidate.RunAsync(attempt, "class Solution:\n    def add_two(self, a, b):\n        return a + b\n")).Json200();

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/metrics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync("/metrics", Ct)).StatusCode);
        var scraper = factory.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiFactory.MetricsToken);
        var text = await scraper.GetStringAsync("/metrics", Ct);
        Assert.Contains("coderoom_runs_total{", text);
        Assert.Contains("coderoom_judge_queue_wait_seconds_bucket", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/metrics", Ct)).StatusCode);
    }
}

public sealed class SqliteAdminStatsTests(AdminApiFactory factory) : AdminStatsTests<AdminApiFactory>(factory), IClassFixture<AdminApiFactory>;

public sealed class PostgresAdminStatsTests(PostgresAdminApiFactory factory)
    : AdminStatsTests<PostgresAdminApiFactory>(factory), IClassFixture<PostgresAdminApiFactory>;

/// <summary>One run per window, with a scrape token.</summary>
public sealed class RateLimitedMetricsFactory : ApiFactory
{
    protected override void Configure()
    {
        Settings["RateLimit:PermitsPerWindow"] = "1";
        Settings["RateLimit:WindowSeconds"] = "3600";
        Settings["Observability:MetricsToken"] = AdminApiFactory.MetricsToken;
    }
}

public sealed class RateLimitMetricTests(RateLimitedMetricsFactory factory) : IClassFixture<RateLimitedMetricsFactory>
{
    [Fact]
    public async Task A_refused_run_is_counted_in_the_rate_limit_refusals()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.ClientFor("greedy-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        const string code = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
        await (await client.RunAsync(attempt, code)).Json200();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.RunAsync(attempt, code)).StatusCode);

        var scraper = factory.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiFactory.MetricsToken);
        var text = await scraper.GetStringAsync("/metrics", ct);
        Assert.Matches(@"coderoom_rate_limit_refusals_total\{[^}]*coderoom_rate_limit_policy=""[^""]+""[^}]*\} [1-9]", text);
    }
}
