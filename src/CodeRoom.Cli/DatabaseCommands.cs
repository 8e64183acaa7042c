using System.CommandLine;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Cli;

/// <summary>`coderoom migrate` and `coderoom problems import`: the database side, on DATABASE_URL or the default SQLite
/// file (data/coderoom.db), as the service uses them.</summary>
internal static class DatabaseCommands
{
    internal static readonly Option<string> DatabaseUrl = new("--database-url")
    {
        Description = "postgres://user:pass@host:port/db; default: $DATABASE_URL, else SQLite at data/coderoom.db",
    };

    public static Command CreateMigrate()
    {
        var command = new Command("migrate", "Apply the database migrations") { DatabaseUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = Services(parse.GetValue(DatabaseUrl));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            Console.WriteLine($"migrated ({db.Database.ProviderName})");
            return 0;
        });
        return command;
    }

    public static Command CreateImport()
    {
        var root = new Option<string>("--problems") { Description = "the problem bank folder", DefaultValueFactory = _ => "problems" };
        var command = new Command("import", "Import the problem bank into the database (idempotent: unchanged problems are skipped)")
        {
            root, DatabaseUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = Services(parse.GetValue(DatabaseUrl));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync(cancellationToken);
            var report = await scope.ServiceProvider.GetRequiredService<ProblemImporter>().ImportAsync(parse.GetValue(root)!, cancellationToken);
            Console.WriteLine($"{report.Created.Count} created, {report.Updated.Count} updated, {report.Unchanged.Count} unchanged, {report.Failed.Count} failed");
            foreach (var (slug, errors) in report.Failed)
            {
                Console.WriteLine($"  {slug}: {string.Join("; ", errors)}");
            }
            return report.Failed.Count == 0 ? 0 : 1;
        });
        return command;
    }

    internal static ServiceProvider Services(string? databaseUrl)
    {
        var sqlitePath = Path.GetFullPath(Path.Combine("data", "coderoom.db"));
        var settings = DatabaseSettings.FromUrl(databaseUrl ?? Environment.GetEnvironmentVariable("DATABASE_URL"), sqlitePath);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sqlitePath)!);
        }
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddCodeRoomStorage(settings);
        services.AddSingleton<ProblemStore>();
        services.AddScoped<ProblemImporter>();
        return services.BuildServiceProvider();
    }
}
