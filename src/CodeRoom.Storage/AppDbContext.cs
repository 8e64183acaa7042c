using System.Text;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Storage;

/// <summary>The one model of CodeRoom. Providers derive from it (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) so each has its own migration set; services inject this base type.</summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ProblemEntity> Problems => Set<ProblemEntity>();
    public DbSet<TestEntity> Tests => Set<TestEntity>();
    public DbSet<ProblemRevisionEntity> ProblemRevisions => Set<ProblemRevisionEntity>();
    public DbSet<AttemptEntity> Attempts => Set<AttemptEntity>();
    public DbSet<CodeDraftEntity> CodeDrafts => Set<CodeDraftEntity>();
    public DbSet<AttemptEventEntity> AttemptEvents => Set<AttemptEventEntity>();
    public DbSet<SubmissionEntity> Submissions => Set<SubmissionEntity>();
    public DbSet<RunLogEntity> RunLogs => Set<RunLogEntity>();
    public DbSet<RunStatsHourlyEntity> RunStatsHourly => Set<RunStatsHourlyEntity>();
    public DbSet<RunStatsDailyEntity> RunStatsDaily => Set<RunStatsDailyEntity>();
    public DbSet<RunnerHeartbeatEntity> RunnerHeartbeats => Set<RunnerHeartbeatEntity>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TextGuard.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TextGuard.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // snake_case columns to match the product's data model (problem_id, input_json, ...), on both providers.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so "latest first" works in SQL.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
                {
                    property.SetValueConverter(
                        new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
                }
            }
        }
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
