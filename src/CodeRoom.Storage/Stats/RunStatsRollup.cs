using System.Text;

namespace CodeRoom.Storage.Stats;

/// <summary>Rebuilds the hourly roll-up (<c>run_stats_hourly</c>) from submissions and their run logs, in SQL: the
/// hours from <c>since</c> on are deleted and aggregated again in one INSERT ... SELECT, inside a transaction. Nothing
/// is loaded into memory. A run is counted in the hour its submission was created.</summary>
public static class RunStatsRollup
{
    /// <summary>Runtime (the run log's cpu_ms, the CPU time of the candidate's calls) counts for runs that ran: not for
    /// compilation errors, internal errors or failed jobs.</summary>
    private const string Ran = "s.verdict IS NOT NULL AND s.verdict NOT IN ('compilation_error', 'internal_error')";

    public static async Task<int> RefreshAsync(AppDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sql = new StatsSql(db);
        var hourStart = since.ToUnixTimeSeconds() / 3600 * 3600;
        var from = DateTimeOffset.FromUnixTimeSeconds(hourStart);
        var hour = $"({sql.EpochSeconds("s.created_at")} / 3600 * 3600)";
        var wait = sql.DiffMs("s.created_at", "s.started_at");
        var cpu = "l.cpu_ms";

        var columns = new List<string> { "hour_start", "problem_id", "language", "mode", "total" };
        var select = new List<string> { hour, "s.problem_id", "s.language", "s.mode", "COUNT(*)" };
        foreach (var (column, verdict) in StatsSql.Verdicts)
        {
            columns.Add(column);
            select.Add($"SUM(CASE WHEN s.verdict = '{verdict}' THEN 1 ELSE 0 END)");
        }
        columns.AddRange(["failed", "cpu_ms_sum", "queue_wait_ms_sum", "queue_wait_count"]);
        select.Add("SUM(CASE WHEN s.status = 'failed' THEN 1 ELSE 0 END)");
        select.Add($"COALESCE(SUM(CASE WHEN {Ran} THEN {cpu} ELSE 0 END), 0)");
        select.Add($"COALESCE(SUM({wait}), 0)");
        select.Add("COUNT(s.started_at)");
        AddHistogram(columns, select, StatsSql.Rt, cpu, Ran);
        AddHistogram(columns, select, StatsSql.Qw, wait, "s.started_at IS NOT NULL");

        var insert = new StringBuilder()
            .Append("INSERT INTO run_stats_hourly (").AppendJoin(", ", columns).Append(")\nSELECT ").AppendJoin(",\n  ", select)
            .Append("\nFROM submissions s JOIN run_logs l ON l.submission_id = s.id\nWHERE s.created_at >= @from\n")
            .Append("GROUP BY ").Append(hour).Append(", s.problem_id, s.language, s.mode");

        var parameters = new Dictionary<string, object?> { ["@from"] = sql.Timestamp(from), ["@hour"] = hourStart };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StatsSql.ExecuteAsync(db, "DELETE FROM run_stats_hourly WHERE hour_start >= @hour", parameters, cancellationToken);
        var rows = await StatsSql.ExecuteAsync(db, insert.ToString(), parameters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static void AddHistogram(List<string> columns, List<string> select, Func<int, string> name, string value, string when)
    {
        var bounds = StatsBuckets.BoundsMs;
        for (var i = 0; i < StatsBuckets.Count; i++)
        {
            columns.Add(name(i));
            var lower = i == 0 ? "" : $" AND {value} > {StatsSql.Int((long)bounds[i - 1])}";
            var upper = i < bounds.Length ? $" AND {value} <= {StatsSql.Int((long)bounds[i])}" : "";
            select.Add($"SUM(CASE WHEN {when}{lower}{upper} THEN 1 ELSE 0 END)");
        }
    }
}
