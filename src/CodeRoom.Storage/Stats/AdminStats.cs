using System.Data.Common;
using System.Text;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Storage.Stats;

public sealed record ProblemStats(string ProblemId, string Language, long Submits, long Runs, double? AcceptanceRate,
    double? TimeoutRate, double? CompileErrorRate, double? RuntimeErrorRate, double? MedianRuntimeMs, double? P95RuntimeMs,
    double? AvgRuntimeMs);

public sealed record TimelineBucket(DateTimeOffset BucketStart, long Runs, long Submits, IReadOnlyDictionary<string, long> Verdicts,
    double? MedianQueueWaitMs);

/// <summary>Count of runs with runtime in (previous bound, LeMs]; LeMs null is +inf (written as null).</summary>
public sealed record RuntimeBucket(
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] double? LeMs,
    long Count);

public sealed record RuntimeDistribution(string Language, IReadOnlyList<RuntimeBucket> Buckets);

public sealed record RunLogItem(Guid Id, Guid SubmissionId, DateTimeOffset CreatedAt, DateTimeOffset JudgedAt, string UserId,
    Guid AttemptId, string ProblemId, string Language, string Mode, string Status, string? Verdict, double CpuMs, double WallMs,
    long PeakMemoryKb);

public sealed record RunLogFilter(string? ProblemId, string? Language, string? Verdict, string? UserId, Guid? AttemptId,
    DateTimeOffset? From, DateTimeOffset? To, string? Cursor, int Limit);

public sealed record RunLogPage(IReadOnlyList<RunLogItem> Items, string? NextCursor);

/// <summary>The admin dashboard's reads. The aggregates read the hourly roll-up (<see cref="RunStatsRollup"/>), grouped
/// and summed in SQL: a time range is rounded out to whole hours. Percentiles are interpolated from the fixed-bucket
/// histograms (<see cref="StatsBuckets"/>), so they are estimates within a bucket; averages are exact.</summary>
public static class AdminStats
{
    private static string Sum(string expression) => $"COALESCE(SUM({expression}), 0)";

    private static (long From, long To) Hours(DateTimeOffset from, DateTimeOffset to) =>
        (from.ToUnixTimeSeconds() / 3600 * 3600, (to.ToUnixTimeSeconds() + 3599) / 3600 * 3600);

    public static async Task<IReadOnlyList<ProblemStats>> ProblemsAsync(AppDbContext db, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var (h0, h1) = Hours(from, to);
        const string submit = "r.mode = 'submit'";
        var select = new StringBuilder("SELECT p.slug, r.language, ")
            .Append(Sum($"CASE WHEN {submit} THEN r.total ELSE 0 END")).Append(", ")
            .Append(Sum("CASE WHEN r.mode = 'run' THEN r.total ELSE 0 END")).Append(", ");
        foreach (var column in new[] { "accepted", "time_limit_exceeded", "compilation_error", "runtime_error", "cpu_ms_sum" })
        {
            select.Append(Sum($"CASE WHEN {submit} THEN r.{column} ELSE 0 END")).Append(", ");
        }
        for (var i = 0; i < StatsBuckets.Count; i++)
        {
            select.Append(i > 0 ? ", " : "").Append(Sum($"CASE WHEN {submit} THEN r.{StatsSql.Rt(i)} ELSE 0 END"));
        }
        select.Append(" FROM run_stats_hourly r JOIN problems p ON p.id = r.problem_id")
            .Append(" WHERE r.hour_start >= @h0 AND r.hour_start < @h1 GROUP BY p.slug, r.language ORDER BY p.slug, r.language");

        var items = new List<ProblemStats>();
        await using var command = await StatsSql.CommandAsync(db, select.ToString(), new Dictionary<string, object?> { ["@h0"] = h0, ["@h1"] = h1 },
            cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var submits = Long(reader, 2);
            double? Rate(int ordinal) => submits == 0 ? null : (double)Long(reader, ordinal) / submits;
            var histogram = Enumerable.Range(0, StatsBuckets.Count).Select(i => Long(reader, 9 + i)).ToArray();
            var ran = histogram.Sum();
            items.Add(new ProblemStats(reader.GetString(0), reader.GetString(1), submits, Long(reader, 3), Rate(4), Rate(5), Rate(6), Rate(7),
                Round(StatsBuckets.Quantile(histogram, 0.5)), Round(StatsBuckets.Quantile(histogram, 0.95)),
                ran == 0 ? null : Round(Convert.ToDouble(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture) / ran)));
        }
        return items;
    }

    public static async Task<IReadOnlyList<TimelineBucket>> TimelineAsync(AppDbContext db, DateTimeOffset from, DateTimeOffset to,
        bool byDay, CancellationToken cancellationToken)
    {
        var (h0, h1) = Hours(from, to);
        var width = byDay ? 86400 : 3600;
        var bucket = $"(r.hour_start - (r.hour_start % {width}))";
        var select = new StringBuilder($"SELECT {bucket}, ")
            .Append(Sum("CASE WHEN r.mode = 'run' THEN r.total ELSE 0 END")).Append(", ")
            .Append(Sum("CASE WHEN r.mode = 'submit' THEN r.total ELSE 0 END"));
        foreach (var (column, _) in StatsSql.Verdicts)
        {
            select.Append(", ").Append(Sum("r." + column));
        }
        select.Append(", ").Append(Sum("r.failed"));
        for (var i = 0; i < StatsBuckets.Count; i++)
        {
            select.Append(", ").Append(Sum("r." + StatsSql.Qw(i)));
        }
        select.Append(" FROM run_stats_hourly r WHERE r.hour_start >= @h0 AND r.hour_start < @h1")
            .Append($" GROUP BY {bucket} ORDER BY 1");

        var items = new List<TimelineBucket>();
        await using var command = await StatsSql.CommandAsync(db, select.ToString(), new Dictionary<string, object?> { ["@h0"] = h0, ["@h1"] = h1 },
            cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var verdicts = new Dictionary<string, long>();
            var ordinal = 3;
            foreach (var (_, verdict) in StatsSql.Verdicts)
            {
                verdicts[verdict] = Long(reader, ordinal++);
            }
            verdicts["failed"] = Long(reader, ordinal++);
            var waits = Enumerable.Range(0, StatsBuckets.Count).Select(i => Long(reader, ordinal + i)).ToArray();
            items.Add(new TimelineBucket(DateTimeOffset.FromUnixTimeSeconds(Long(reader, 0)), Long(reader, 1), Long(reader, 2), verdicts,
                Round(StatsBuckets.Quantile(waits, 0.5))));
        }
        return items;
    }

    public static async Task<IReadOnlyList<RuntimeDistribution>> RuntimeAsync(AppDbContext db, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var (h0, h1) = Hours(from, to);
        var select = new StringBuilder("SELECT r.language");
        for (var i = 0; i < StatsBuckets.Count; i++)
        {
            select.Append(", ").Append(Sum("r." + StatsSql.Rt(i)));
        }
        select.Append(" FROM run_stats_hourly r WHERE r.hour_start >= @h0 AND r.hour_start < @h1 GROUP BY r.language ORDER BY r.language");
        var items = new List<RuntimeDistribution>();
        await using var command = await StatsSql.CommandAsync(db, select.ToString(), new Dictionary<string, object?> { ["@h0"] = h0, ["@h1"] = h1 },
            cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var buckets = Enumerable.Range(0, StatsBuckets.Count)
                .Select(i => new RuntimeBucket(i < StatsBuckets.BoundsMs.Length ? StatsBuckets.BoundsMs[i] : null, Long(reader, 1 + i)))
                .ToList();
            items.Add(new RuntimeDistribution(reader.GetString(0), buckets));
        }
        return items;
    }

    /// <summary>Newest first (by the submission's creation, then id), keyset-paged: the cursor is the last item's
    /// (created_at, id). Each filter uses an index on submissions (problem, user, verdict, language, attempt).</summary>
    public static async Task<RunLogPage> RunLogsAsync(AppDbContext db, RunLogFilter filter, CancellationToken cancellationToken)
    {
        var sql = new StatsSql(db);
        var where = new List<string>();
        var parameters = new Dictionary<string, object?>();
        if (filter.ProblemId is not null)
        {
            var problemId = await db.Problems.Where(p => p.Slug == filter.ProblemId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (problemId is null)
            {
                return new RunLogPage([], null);
            }
            where.Add("s.problem_id = @problem");
            parameters["@problem"] = problemId.Value;
        }
        void Add(string column, string name, object? value)
        {
            if (value is not null)
            {
                where.Add($"s.{column} = {name}");
                parameters[name] = value;
            }
        }
        Add("language", "@language", filter.Language);
        Add("verdict", "@verdict", filter.Verdict);
        Add("user_id", "@user", filter.UserId);
        Add("attempt_id", "@attempt", filter.AttemptId is { } a ? sql.Guid(a) : null);
        if (filter.From is { } from)
        {
            where.Add("s.created_at >= @from");
            parameters["@from"] = sql.Timestamp(from);
        }
        if (filter.To is { } to)
        {
            where.Add("s.created_at < @to");
            parameters["@to"] = sql.Timestamp(to);
        }
        if (DecodeCursor(filter.Cursor) is { } cursor)
        {
            where.Add("(s.created_at < @cursor_at OR (s.created_at = @cursor_at AND s.id < @cursor_id))");
            parameters["@cursor_at"] = sql.Timestamp(cursor.At);
            parameters["@cursor_id"] = sql.Guid(cursor.Id);
        }
        var limit = Math.Clamp(filter.Limit, 1, 500);
        var text = new StringBuilder("SELECT s.id, s.created_at, l.created_at, s.user_id, s.attempt_id, p.slug, s.language, s.mode, s.status, ")
            .Append("s.verdict, l.cpu_ms, l.wall_ms, l.peak_memory_kb FROM submissions s JOIN run_logs l ON l.submission_id = s.id ")
            .Append("JOIN problems p ON p.id = s.problem_id");
        if (where.Count > 0)
        {
            text.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        text.Append(" ORDER BY s.created_at DESC, s.id DESC LIMIT ").Append(StatsSql.Int(limit + 1));

        var items = new List<RunLogItem>();
        await using var command = await StatsSql.CommandAsync(db, text.ToString(), parameters, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = StatsSql.ReadGuid(reader, 0);
            items.Add(new RunLogItem(id, id, StatsSql.ReadTimestamp(reader, 1), StatsSql.ReadTimestamp(reader, 2), reader.GetString(3),
                StatsSql.ReadGuid(reader, 4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetDouble(10), reader.GetDouble(11), Long(reader, 12)));
        }
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = EncodeCursor(items[^1].CreatedAt, items[^1].Id);
        }
        return new RunLogPage(items, next);
    }

    /// <summary>Deletes run logs created before <paramref name="cutoff"/>, in batches (submissions keep their code, verdict
    /// and summary; the roll-up keeps the statistics). Returns how many were deleted.</summary>
    public static async Task<int> PruneRunLogsAsync(AppDbContext db, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var batch = db.RunLogs.Where(l => l.CreatedAt < cutoff).OrderBy(l => l.CreatedAt).Select(l => l.SubmissionId).Take(batchSize);
            var deleted = await db.RunLogs.Where(l => batch.Contains(l.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    public static async Task<IReadOnlyList<RunnerHeartbeatEntity>> RunnersAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.RunnerHeartbeats.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);

    private static string EncodeCursor(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks}:{id:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static (DateTimeOffset At, Guid Id)? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
        {
            return null;
        }
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && System.Guid.TryParse(parts[1], out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : throw new FormatException("bad cursor");
        }
        catch (FormatException)
        {
            throw new ArgumentException("cursor is not one this API returned");
        }
    }

    private static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? 0
        : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
