using System.CommandLine;
using System.Diagnostics;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Problems;
using CodeRoom.Storage.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Cli;

/// <summary>`coderoom db seed-run-logs` and `coderoom db stats-timing`: synthetic run logs for the admin dashboard and
/// the timing of every query its API makes (docs/benchmarks.md, "Admin dashboard").</summary>
internal static class StatsCommands
{
    /// <summary>The section of docs/benchmarks.md this command owns (the main bench carries it over when it rewrites the file).</summary>
    public const string StartMarker = "<!-- admin-stats:start -->";
    public const string EndMarker = "<!-- admin-stats:end -->";

    public static Command Create()
    {
        var db = new Command("db", "Database tools for the admin dashboard: seed run logs, time the dashboard's queries");
        db.Subcommands.Add(CreateSeed());
        db.Subcommands.Add(CreateTiming());
        return db;
    }

    private static Command CreateSeed()
    {
        var count = new Option<int>("--count") { Description = "how many runs (submissions with run logs)", DefaultValueFactory = _ => 1000 };
        var days = new Option<double>("--days") { Description = "spread evenly over this many days before now", DefaultValueFactory = _ => 30 };
        var problems = new Option<string>("--problems") { Description = "problem bank imported first when the database has none", DefaultValueFactory = _ => "problems" };
        var command = new Command("seed-run-logs", "Insert N synthetic finished runs with run logs (in SQL), then rebuild the statistics roll-up")
        {
            count, days, problems, DatabaseCommands.DatabaseUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = DatabaseCommands.Services(parse.GetValue(DatabaseCommands.DatabaseUrl));
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await context.Database.MigrateAsync(cancellationToken);
            if (!await context.Problems.AnyAsync(cancellationToken))
            {
                await scope.ServiceProvider.GetRequiredService<ProblemImporter>().ImportAsync(parse.GetValue(problems)!, cancellationToken);
            }
            var clock = Stopwatch.StartNew();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var inserted = await RunLogSeeder.SeedAsync(context, parse.GetValue(count), parse.GetValue(days), now, cancellationToken);
            var seeded = clock.Elapsed;
            await RunStatsRollup.RefreshAsync(context, now.AddDays(-parse.GetValue(days) - 1), cancellationToken);
            Console.WriteLine($"seeded {inserted} run logs in {seeded.TotalSeconds:0.0} s, roll-up rebuilt in {(clock.Elapsed - seeded).TotalSeconds:0.0} s " +
                $"({context.Database.ProviderName}); {await context.RunLogs.LongCountAsync(cancellationToken)} run logs in all");
            return 0;
        });
        return command;
    }

    private static Command CreateTiming()
    {
        var iterations = new Option<int>("--iterations") { Description = "calls per query", DefaultValueFactory = _ => 50 };
        var output = new Option<string?>("--output") { Description = "also write the table into this markdown file's admin-dashboard section (docs/benchmarks.md)" };
        var command = new Command("stats-timing", "Time every query the admin dashboard API makes (p50, p95, max over N calls each)")
        {
            iterations, output, DatabaseCommands.DatabaseUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = DatabaseCommands.Services(parse.GetValue(DatabaseCommands.DatabaseUrl));
            var n = parse.GetValue(iterations);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            Guid? someId = null;
            var header = "";
            var table = new System.Text.StringBuilder();
            string? someUser = null;
            await using (var scope = services.CreateAsyncScope())
            {
                var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                header = $"{await context.RunLogs.LongCountAsync(cancellationToken)} run logs, " +
                    $"{await context.RunStatsHourly.LongCountAsync(cancellationToken)} roll-up rows ({context.Database.ProviderName})";
                Console.WriteLine(header);
                var latest = await context.Submissions.OrderByDescending(s => s.CreatedAt).Select(s => new { s.Id, s.UserId }).FirstOrDefaultAsync(cancellationToken);
                (someId, someUser) = (latest?.Id, latest?.UserId);
            }
            string? cursor = null;
            var queries = new List<(string Name, Func<AppDbContext, Task> Run)>
            {
                ("stats/problems, last day", db => AdminStats.ProblemsAsync(db, now.AddDays(-1), now, default)),
                ("stats/problems, last 30 days", db => AdminStats.ProblemsAsync(db, now.AddDays(-30), now, default)),
                ("stats/timeline hour, last 7 days", db => AdminStats.TimelineAsync(db, now.AddDays(-7), now, false, default)),
                ("stats/timeline day, last 30 days", db => AdminStats.TimelineAsync(db, now.AddDays(-30), now, true, default)),
                ("stats/runtime, last 30 days", db => AdminStats.RuntimeAsync(db, now.AddDays(-30), now, default)),
                ("live (queue counts, runners)", async db =>
                {
                    await db.Submissions.LongCountAsync(s => s.Status == SubmissionStatuses.Queued);
                    await db.Submissions.LongCountAsync(s => s.Status == SubmissionStatuses.Running);
                    await AdminStats.RunnersAsync(db, default);
                }),
                ("run-logs, first page of 50", async db =>
                    cursor = (await AdminStats.RunLogsAsync(db, new RunLogFilter(null, null, null, null, null, null, null, null, 50), default)).NextCursor),
                ("run-logs, second page (cursor)", db =>
                    AdminStats.RunLogsAsync(db, new RunLogFilter(null, null, null, null, null, null, null, cursor, 50), default)),
                ("run-logs, verdict=runtime_error & cpp", db =>
                    AdminStats.RunLogsAsync(db, new RunLogFilter(null, "cpp", "runtime_error", null, null, null, null, null, 50), default)),
                ("run-logs, one user, last 7 days", db =>
                    AdminStats.RunLogsAsync(db, new RunLogFilter(null, null, null, someUser, null, now.AddDays(-7), now, null, 50), default)),
                ("run-logs/{id}", db => db.Submissions.AsNoTracking().Where(s => s.Id == someId).Include(s => s.RunLog).FirstOrDefaultAsync()),
            };
            Console.WriteLine($"{"query",-40} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
            var worst = 0.0;
            foreach (var (name, run) in queries)
            {
                var times = new List<double>();
                for (var i = 0; i <= n; i++)
                {
                    await using var scope = services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var clock = Stopwatch.StartNew();
                    await run(db);
                    if (i > 0) // the first call warms the connection pool and the plan cache
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
                times.Sort();
                var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
                worst = Math.Max(worst, p95);
                Console.WriteLine($"{name,-40} {times[times.Count / 2],8:0.0} {p95,8:0.0} {times[^1],8:0.0}");
                table.AppendLine(System.FormattableString.Invariant($"| {name} | {times[times.Count / 2]:0.0} | {p95:0.0} | {times[^1]:0.0} |"));
            }
            Console.WriteLine($"worst p95: {worst:0.0} ms");
            if (parse.GetValue(output) is { } path)
            {
                var load = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ').Take(3)) : "?";
                var section = $"{StartMarker}\n## Admin dashboard: 1,000,000 run logs in PostgreSQL (issue 13)\n\n" +
                    $"Written by `./coderoom db stats-timing --output docs/benchmarks.md` after `./coderoom db seed-run-logs --count 1000000 --days 30`: " +
                    $"each query the admin API makes (the same `AdminStats` calls, on a fresh DbContext per call, without HTTP), {n} calls each after one warm-up. " +
                    $"{header}; {Environment.ProcessorCount} cores, load average after the run {load}; {now:yyyy-MM-dd HH:mm} UTC. Target: p95 under 200 ms.\n\n" +
                    "| query | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n" + table +
                    System.FormattableString.Invariant($"\nWorst p95: {worst:0.0} ms.\n") + EndMarker + "\n";
                var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
                var start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
                var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
                var merged = start >= 0 && end > start
                    ? existing[..start] + section.TrimEnd('\n') + existing[(end + EndMarker.Length)..]
                    : existing.TrimEnd('\n') + "\n\n" + section;
                await File.WriteAllTextAsync(path, merged, cancellationToken);
                Console.WriteLine($"wrote {path}");
            }
            return 0;
        });
        return command;
    }
}
