using System.Globalization;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Storage.Stats;

/// <summary>Makes N synthetic finished submissions with run logs, in SQL (a row generator, nothing built in memory), for
/// the dashboard's benchmarks and tests. Row i is deterministic (<see cref="VerdictOf"/>, <see cref="CpuMsOf"/> ...),
/// spread evenly over the <c>days</c> before <c>now</c>, across the problems in the database, 3 languages and
/// <see cref="Attempts"/> attempts (users seed-user-0..). Every seeded code text is the same placeholder.</summary>
public static class RunLogSeeder
{
    public const int Attempts = 50;
    public static readonly string[] Languages = ["python", "cpp", "java"];

    /// <summary>i % 20: 12 accepted, 3 wrong answers, 2 time limits, a runtime error, a compilation error, a memory limit.</summary>
    public static string VerdictOf(long i) => (i % 20) switch
    {
        < 12 => "accepted",
        < 15 => "wrong_answer",
        < 17 => "time_limit_exceeded",
        17 => "runtime_error",
        18 => "compilation_error",
        _ => "memory_limit_exceeded",
    };

    public static string ModeOf(long i) => i % 4 == 3 ? SubmissionModes.Run : SubmissionModes.Submit;

    public static string LanguageOf(long i) => Languages[(int)(i / 7 % 3)];

    public static double CpuMsOf(long i) => VerdictOf(i) switch
    {
        "accepted" => 1 + (i % 200),
        "time_limit_exceeded" => 2000,
        "compilation_error" => 0,
        _ => 5 + (i % 50),
    };

    public static double QueueWaitMsOf(long i) => i % 10 * 3;

    public static int ProblemIndexOf(long i, int problems) => (int)(i % problems);

    public static async Task<int> SeedAsync(AppDbContext db, int count, double days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var problemIds = await db.Problems.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        if (problemIds.Count == 0)
        {
            throw new InvalidOperationException("no problems in the database: import the problem bank first");
        }
        var sql = new StatsSql(db);
        var batch = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next()));
        for (var k = 0; k < Attempts; k++)
        {
            db.Attempts.Add(new AttemptEntity
            {
                Id = Guid.Parse($"{batch}-5eed-0000-0001-{k:D12}"),
                UserId = $"seed-user-{k}",
                InterviewId = "seed",
                CreatedAt = now.AddDays(-days),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (count <= 0)
        {
            return 0;
        }

        var stepTicks = (long)(TimeSpan.FromDays(days).Ticks / (double)count);
        var problem = "CASE i % " + Int(problemIds.Count) + string.Concat(problemIds.Select((id, n) => $" WHEN {Int(n)} THEN {Int(id)}")) + " END";
        var language = $"CASE (i / 7) % 3 WHEN 0 THEN 'python' WHEN 1 THEN 'cpp' ELSE 'java' END";
        const string verdict = "CASE WHEN i % 20 < 12 THEN 'accepted' WHEN i % 20 < 15 THEN 'wrong_answer' " +
            "WHEN i % 20 < 17 THEN 'time_limit_exceeded' WHEN i % 20 = 17 THEN 'runtime_error' " +
            "WHEN i % 20 = 18 THEN 'compilation_error' ELSE 'memory_limit_exceeded' END";
        const string cpu = "CASE WHEN i % 20 < 12 THEN 1 + (i % 200) WHEN i % 20 < 17 AND i % 20 >= 15 THEN 2000 " +
            "WHEN i % 20 = 18 THEN 0 ELSE 5 + (i % 50) END";
        string id, attempt, user, created, started, rows, yes, no;
        if (sql.IsSqlite)
        {
            id = $"printf('%s-5EED-0000-0000-%012d', '{batch}', i)";
            attempt = $"printf('%s-5EED-0000-0001-%012d', '{batch}', i % {Attempts})";
            user = $"'seed-user-' || (i % {Attempts})";
            created = "(((@now_ticks - i * @step_ticks) / 1000) << 11)";
            started = "(((@now_ticks - i * @step_ticks + (i % 10) * 30000) / 1000) << 11)";
            rows = "(WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < @n - 1) SELECT i FROM g) g";
            (yes, no) = ("1", "0");
        }
        else
        {
            id = $"CAST('{batch}-5eed-0000-0000-' || lpad(CAST(i AS text), 12, '0') AS uuid)";
            attempt = $"CAST('{batch}-5eed-0000-0001-' || lpad(CAST(i % {Attempts} AS text), 12, '0') AS uuid)";
            user = $"'seed-user-' || CAST(i % {Attempts} AS text)";
            created = "(@now - (i * @step_ticks / 10) * interval '1 microsecond')";
            started = "(@now - (i * @step_ticks / 10) * interval '1 microsecond' + (i % 10) * interval '3 milliseconds')";
            rows = "generate_series(0, @n - 1) AS g(i)";
            (yes, no) = ("true", "false");
        }
        var parameters = new Dictionary<string, object?>
        {
            ["@n"] = count,
            ["@step_ticks"] = stepTicks,
            ["@now_ticks"] = now.UtcTicks,
            ["@now"] = now.ToUniversalTime(),
        };
        if (sql.IsSqlite)
        {
            parameters.Remove("@now");
        }
        else
        {
            parameters.Remove("@now_ticks");
        }
        var submissions = $"""
            INSERT INTO submissions (id, attempt_id, problem_id, user_id, language, code_text, mode, status, verdict,
                created_at, started_at, finished_at, summary_json)
            SELECT {id}, {attempt}, {problem}, {user}, {language}, '# seeded run', CASE WHEN i % 4 = 3 THEN 'run' ELSE 'submit' END,
                'finished', {verdict}, {created}, {started}, {started}, '{"{"}"status":"seeded"{"}"}'
            FROM {rows}
            """;
        var logs = $"""
            INSERT INTO run_logs (submission_id, compile_ok, compile_output, compile_ms, runtime_errors, timeouts, peak_memory_kb,
                cpu_ms, wall_ms, tests_json, created_at)
            SELECT {id}, CASE WHEN i % 20 = 18 THEN {no} ELSE {yes} END, CASE WHEN i % 20 = 18 THEN 'seeded compile error' ELSE '' END,
                12.5, CASE WHEN i % 20 = 17 THEN 1 ELSE 0 END, CASE WHEN i % 20 IN (15, 16) THEN 1 ELSE 0 END,
                10000 + (i % 1000), {cpu}, ({cpu}) + 20, '[]', {started}
            FROM {rows}
            """;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await StatsSql.ExecuteAsync(db, submissions, parameters, cancellationToken);
        await StatsSql.ExecuteAsync(db, logs, parameters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
