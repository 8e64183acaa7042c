using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CodeRoom.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use and how to reach it, from DATABASE_URL (or the default SQLite file).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary><c>postgres://user:pass@host:port/db</c> (or <c>postgresql://</c>, or an Npgsql key=value string)
    /// selects PostgreSQL; anything empty selects SQLite at <paramref name="defaultSqlitePath"/>.</summary>
    public static DatabaseSettings FromUrl(string? databaseUrl, string defaultSqlitePath)
    {
        if (string.IsNullOrWhiteSpace(databaseUrl))
        {
            return Sqlite(defaultSqlitePath);
        }
        var url = databaseUrl.Trim();
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(url["sqlite:".Length..].TrimStart('/').Length == 0 ? defaultSqlitePath : url["sqlite:".Length..]);
        }
        if (url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(url);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            };
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2)
                {
                    builder.Password = Uri.UnescapeDataString(parts[1]);
                }
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0]);
                builder[key == "sslmode" ? "SSL Mode" : key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            }
            return new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString);
        }
        if (url.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseProvider.Postgres, url);
        }
        throw new FormatException("DATABASE_URL must look like postgres://user:pass@host:port/db");
    }

    public static DatabaseSettings Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ConnectionString);
}

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the provider's context and exposes it as <see cref="AppDbContext"/>.</summary>
    public static IServiceCollection AddCodeRoomStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresAppDbContext>(o => o.UsePostgres(settings.ConnectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteAppDbContext>(o => o.UseSqliteWithPragmas(settings.ConnectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        return services;
    }

    public static DbContextOptionsBuilder UseSqliteWithPragmas(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            .AddInterceptors(new SqlitePragmaInterceptor());

    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName));
}
