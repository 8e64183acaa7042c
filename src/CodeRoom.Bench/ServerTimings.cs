using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CodeRoom.Bench;

/// <summary>Where a run's time went on the server, read from the bench's own throwaway database: queue (created to
/// started), judge (started to finished, which includes compile and the sandboxed runs), the compile step alone,
/// and what is left of the client's latency (HTTP, auth, validation, database writes and reads, polling).</summary>
internal sealed record ServerTiming(double QueueMs, double JudgeMs, double? CompileMs, double? EngineWallMs);

internal static class ServerTimings
{
    public static Dictionary<string, ServerTiming> Read(string databasePath, IEnumerable<string> ids)
    {
        var result = new Dictionary<string, ServerTiming>(StringComparer.OrdinalIgnoreCase);
        var wanted = ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0 || !File.Exists(databasePath))
        {
            return result;
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.created_at, s.started_at, s.finished_at, l.compile_ms, l.wall_ms
            FROM submissions s LEFT JOIN run_logs l ON l.submission_id = s.id
            WHERE s.started_at IS NOT NULL AND s.finished_at IS NOT NULL
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!wanted.Contains(id))
            {
                continue;
            }
            var created = Parse(reader.GetValue(1));
            var started = Parse(reader.GetValue(2));
            var finished = Parse(reader.GetValue(3));
            result[id] = new ServerTiming((started - created).TotalMilliseconds, (finished - started).TotalMilliseconds,
                reader.IsDBNull(4) ? null : Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture));
        }
        return result;
    }

    /// <summary>EF Core's SQLite provider stores DateTimeOffset as text, or, where the model converts it to binary (so
    /// that it sorts), as EF's DateTimeOffsetToBinaryConverter packing: (ticks / 1000) &lt;&lt; 11 | offset minutes.</summary>
    private static DateTimeOffset Parse(object value) => value switch
    {
        long packed => new DateTimeOffset((packed >> 11) * 1000, TimeSpan.FromMinutes((int)(((packed & 0x7FF) ^ 0x400) - 0x400))),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new FormatException($"unexpected timestamp {value}"),
    };
}
