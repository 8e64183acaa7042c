using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Storage.Tests;

public sealed class StorageTests
{
    private static SqliteAppDbContext Sqlite(string path)
    {
        var builder = new DbContextOptionsBuilder<SqliteAppDbContext>();
        builder.UseSqliteWithPragmas(DatabaseSettings.Sqlite(path).ConnectionString);
        return new SqliteAppDbContext(builder.Options);
    }

    private static PostgresAppDbContext Postgres(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PostgresAppDbContext>();
        builder.UsePostgres(connectionString);
        return new PostgresAppDbContext(builder.Options);
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = Sqlite(Path.Combine(Path.GetTempPath(), $"coderoom-model-{Guid.NewGuid():N}.db"));
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = Postgres("Host=127.0.0.1;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Migrations/Postgres");
    }

    [Fact]
    public async Task Sqlite_migrates_and_runs_in_wal_mode_with_a_busy_timeout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coderoom-storage-{Guid.NewGuid():N}.db");
        await using var db = Sqlite(path);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(5000L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await RoundTripAsync(db);
    }

    [Fact]
    public async Task Postgres_migrates_and_round_trips_every_table()
    {
        var url = await TestServers.CreatePostgresDatabaseAsync("coderoom_storage");
        var settings = DatabaseSettings.FromUrl(url, "unused.db");
        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        await using var db = Postgres(settings.ConnectionString);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await RoundTripAsync(db);
    }

    [Fact]
    public void Database_urls_select_the_provider()
    {
        var pg = DatabaseSettings.FromUrl("postgres://app:s%40cret@db.internal:6543/coderoom?sslmode=disable", "x.db");
        Assert.Equal(DatabaseProvider.Postgres, pg.Provider);
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(pg.ConnectionString);
        Assert.Equal(("db.internal", 6543, "coderoom", "app", "s@cret"), (cs.Host, cs.Port, cs.Database, cs.Username, cs.Password));
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseSettings.FromUrl(null, "data/coderoom.db").Provider);
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseSettings.FromUrl("  ", "data/coderoom.db").Provider);
        Assert.Throws<FormatException>(() => DatabaseSettings.FromUrl("mysql://x", "x.db"));
    }

    private static async Task RoundTripAsync(AppDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var problem = new ProblemEntity
        {
            Slug = "add-two",
            Title = "Add",
            Difficulty = "easy",
            SignatureJson = "{}",
            CompareJson = "{}",
            CreatedAt = now,
            UpdatedAt = now,
            Tests = [new TestEntity { Ordinal = 0, Visibility = "hidden", InputJson = "{\"a\":1}", ExpectedJson = "2", Category = "small" }],
        };
        var attempt = new AttemptEntity { Id = Guid.NewGuid(), UserId = "u1", InterviewId = "i1", CreatedAt = now };
        db.AddRange(problem, attempt);
        await db.SaveChangesAsync(ct);
        db.CodeDrafts.Add(new CodeDraftEntity { AttemptId = attempt.Id, ProblemId = problem.Id, Language = "python", CodeText = "x", UpdatedAt = now });
        var submission = new SubmissionEntity
        {
            Id = Guid.NewGuid(),
            AttemptId = attempt.Id,
            ProblemId = problem.Id,
            UserId = "u1",
            Language = "python",
            CodeText = "x",
            Mode = SubmissionModes.Submit,
            Status = SubmissionStatuses.Finished,
            CreatedAt = now,
            FinishedAt = now.AddSeconds(1),
        };
        db.Submissions.Add(submission);
        db.RunLogs.Add(new RunLogEntity { SubmissionId = submission.Id, PeakMemoryKb = 1234, Timeouts = 1, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var loaded = await db.Submissions.Include(s => s.RunLog).Include(s => s.Problem!.Tests).SingleAsync(ct);
        Assert.Equal(now.AddSeconds(1), loaded.FinishedAt);
        Assert.Equal(1234, loaded.RunLog!.PeakMemoryKb);
        Assert.Equal("small", Assert.Single(loaded.Problem!.Tests).Category);
        Assert.Single(await db.Submissions.Where(s => s.CreatedAt < now.AddMinutes(1)).OrderByDescending(s => s.CreatedAt).ToListAsync(ct));
        Assert.True(await db.CodeDrafts.AnyAsync(d => d.AttemptId == attempt.Id, ct));

        // Text PostgreSQL refuses is refused on both databases (TextGuard); the judge's diagnostics keep a U+FFFD instead.
        db.Attempts.Add(new AttemptEntity { Id = Guid.NewGuid(), UserId = "u1", InterviewId = "a\0b", CreatedAt = now });
        Assert.Equal("interview_id", (await Assert.ThrowsAsync<UnstorableTextException>(() => db.SaveChangesAsync(ct))).Column);
        db.ChangeTracker.Clear();
        db.Attempts.Add(new AttemptEntity { Id = Guid.NewGuid(), UserId = new string('u', 201), CreatedAt = now });
        Assert.Contains("at most 200", (await Assert.ThrowsAsync<UnstorableTextException>(() => db.SaveChangesAsync(ct))).Message);
        db.ChangeTracker.Clear();
        db.Attempts.Add(new AttemptEntity { Id = Guid.NewGuid(), UserId = "u1", InterviewId = "a\uD800", CreatedAt = now });
        Assert.Contains("Unicode", (await Assert.ThrowsAsync<UnstorableTextException>(() => db.SaveChangesAsync(ct))).Message);
        db.ChangeTracker.Clear();
        var log = await db.RunLogs.SingleAsync(ct);
        log.CompileOutput = "a\0b\uDC00";
        var stored = await db.Problems.SingleAsync(ct);
        stored.Title = string.Concat(Enumerable.Repeat("\U0001F600", 200)); // 200 characters, 400 UTF-16 units
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        Assert.Equal("a\uFFFDb\uFFFD", (await db.RunLogs.SingleAsync(ct)).CompileOutput);
        Assert.Equal(400, (await db.Problems.SingleAsync(ct)).Title.Length);

        // Deleting the attempt removes its drafts, submissions and run logs.
        db.Attempts.Remove(await db.Attempts.SingleAsync(ct));
        await db.SaveChangesAsync(ct);
        Assert.False(await db.RunLogs.AnyAsync(ct));
    }
}
