using System.Diagnostics;

namespace CodeRoom.Tests.Shared;

/// <summary>Starts the real PostgreSQL and Redis servers the suites need through scripts/start-*.sh (idempotent).
/// A server that cannot start fails the test loudly: these tests are never skipped where the product runs.</summary>
public static class TestServers
{
    private static readonly Lazy<string> Postgres = new(() => RunScript("start-postgres.sh"));
    private static readonly Lazy<string> Redis = new(() => RunScript("start-redis.sh"));
    private static readonly Lazy<string> Prometheus = new(() => RunScript("start-prometheus.sh"));

    /// <summary>postgres://postgres@127.0.0.1:15432/postgres (the maintenance database).</summary>
    public static string PostgresUrl => Postgres.Value;

    public static string RedisUrl => Redis.Value;

    /// <summary>http://127.0.0.1:19090; it scrapes the targets listed in <see cref="PrometheusTargetsDirectory"/>.</summary>
    public static string PrometheusUrl => Prometheus.Value;

    public static string PrometheusTargetsDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("CODEROOM_PROMETHEUS_DIR") is { Length: > 0 } dir
            ? dir : $"/tmp/coderoom-prometheus-{new Uri(PrometheusUrl).Port}", "targets");

    public static string PostgresConnectionString(string database) =>
        $"Host=127.0.0.1;Port={new Uri(PostgresUrl).Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>Creates a fresh, empty database and returns its DATABASE_URL.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        var uri = new Uri(PostgresUrl);
        return $"postgres://postgres@127.0.0.1:{uri.Port}/{name}";
    }

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CodeRoom.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("CodeRoom.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static string RunScript(string script)
    {
        var path = Path.Combine(RepoRoot, "scripts", script);
        using var process = Process.Start(new ProcessStartInfo("bash", [path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start " + path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within 120 s");
        }
        // Both reads finish once the process has exited and closed its pipes.
        var output = stdout.GetAwaiter().GetResult().Trim();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException(
                $"{script} failed (exit {process.ExitCode}); the test server is required, not optional:\n{stderr.GetAwaiter().GetResult()}");
        }
        return output.Split('\n')[^1].Trim();
    }
}
