using System.Data.Common;
using System.Globalization;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeRoom.Storage.Stats;

/// <summary>Fixed histogram bounds (milliseconds) of the roll-up, the runtime distribution and the queue-wait median.
/// Bucket i counts values in (BoundsMs[i-1], BoundsMs[i]]; the last bucket is +inf.</summary>
public static class StatsBuckets
{
    public static readonly double[] BoundsMs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    /// <summary>Buckets including +inf.</summary>
    public static int Count => BoundsMs.Length + 1;

    /// <summary>The q-quantile (0..1) of a bucketed distribution, interpolated linearly inside the bucket that holds it
    /// (as Prometheus' histogram_quantile does); null when empty. A quantile in the +inf bucket is the last bound.</summary>
    public static double? Quantile(IReadOnlyList<long> counts, double q)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }
        if (total == 0)
        {
            return null;
        }
        var rank = q * total;
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && seen + counts[i] >= rank)
            {
                if (i >= BoundsMs.Length)
                {
                    return BoundsMs[^1];
                }
                var lower = i == 0 ? 0 : BoundsMs[i - 1];
                var upper = BoundsMs[i];
                return lower + ((upper - lower) * (rank - seen) / counts[i]);
            }
            seen += counts[i];
        }
        return BoundsMs[^1];
    }
}

/// <summary>What differs between SQLite and PostgreSQL in the statistics SQL: how a timestamp column is turned into
/// Unix seconds and milliseconds, and how a timestamp parameter is passed (SQLite stores DateTimeOffset as EF's
/// binary long, ticks/1000 shifted left 11 bits over the UTC offset; the service only writes UTC).</summary>
internal sealed class StatsSql
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();
    private static readonly Func<object?, object?> ToBinary = Binary.ConvertToProvider;
    private static readonly Func<object?, object?> FromBinary = Binary.ConvertFromProvider;

    public bool IsSqlite { get; }

    public StatsSql(AppDbContext db) => IsSqlite = db.Database.IsSqlite();

    /// <summary>Unix seconds (integer) of a timestamp column.</summary>
    public string EpochSeconds(string column) => IsSqlite
        ? $"((({column} >> 11) * 1000 - 621355968000000000) / 10000000)"
        : $"CAST(floor(extract(epoch from {column})) AS bigint)";

    /// <summary>Milliseconds from one timestamp column to another (null when either is).</summary>
    public string DiffMs(string from, string to) => IsSqlite
        ? $"((({to} >> 11) - ({from} >> 11)) / 10.0)"
        : $"(extract(epoch from ({to} - {from})) * 1000)";

    public object Timestamp(DateTimeOffset value) => IsSqlite ? ToBinary(value.ToUniversalTime())! : value.ToUniversalTime();

    public static DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        long binary => (DateTimeOffset)FromBinary(binary)!,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto,
        var other => throw new InvalidOperationException("unexpected timestamp " + other.GetType()),
    };

    public object Guid(Guid value) => IsSqlite ? value.ToString().ToUpperInvariant() : value;

    public static Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string s => System.Guid.Parse(s),
        Guid g => g,
        var other => throw new InvalidOperationException("unexpected id " + other.GetType()),
    };

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs a command on the context's connection (opened if needed) inside its current transaction.</summary>
    public static async Task<DbCommand> CommandAsync(AppDbContext db, string sql, IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(AppDbContext db, string sql, IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The verdict columns of the roll-up with their wire names.</summary>
    public static readonly (string Column, string Verdict)[] Verdicts =
    [
        ("accepted", "accepted"),
        ("wrong_answer", "wrong_answer"),
        ("time_limit_exceeded", "time_limit_exceeded"),
        ("memory_limit_exceeded", "memory_limit_exceeded"),
        ("runtime_error", "runtime_error"),
        ("compilation_error", "compilation_error"),
        ("output_limit_exceeded", "output_limit_exceeded"),
        ("internal_error", "internal_error"),
    ];

    public static string Rt(int i) => "rt" + Int(i);

    public static string Qw(int i) => "qw" + Int(i);

    internal static string Table => "run_stats_hourly";

    internal static string Submit => SubmissionModes.Submit;
}
