using System.Text.Json;
using System.Text.Json.Serialization;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Judging;
using CodeRoom.Api.Problems;
using CodeRoom.Api.RateLimiting;
using CodeRoom.Dispatch;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Infrastructure;

internal static class ServiceSetup
{
    public static void AddCodeRoomServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        AddValidatedOptions<JwtOptions, JwtOptionsValidator>(services, JwtOptions.Section);
        AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(services, RateLimitOptions.Section);
        AddValidatedOptions<AttemptLimitOptions, AttemptLimitOptionsValidator>(services, AttemptLimitOptions.Section);
        AddValidatedOptions<DraftLimitOptions, DraftLimitOptionsValidator>(services, DraftLimitOptions.Section);
        AddValidatedOptions<CheckLimitOptions, CheckLimitOptionsValidator>(services, CheckLimitOptions.Section);
        AddValidatedOptions<RequestLimitsOptions, RequestLimitsOptionsValidator>(services, RequestLimitsOptions.Section);
        AddValidatedOptions<ContentOptions, ContentOptionsValidator>(services, ContentOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownExceptionHandler>();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Unknown fields are a client bug (a typo such as "problemId" would otherwise silently drop the value):
            // answered 400 naming the field.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        // Malformed bodies surface as BadHttpRequestException so KnownExceptionHandler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();

        var content = configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var sqlitePath = ConfigurationSetup.ResolvePath(builder.Environment.ContentRootPath, content.SqlitePath);
        DatabaseSettings database;
        try
        {
            database = DatabaseSettings.FromUrl(configuration["DATABASE_URL"], sqlitePath);
        }
        catch (Exception e) when (e is UriFormatException or FormatException or ArgumentException)
        {
            throw new StartupConfigurationException("DATABASE_URL is not valid: use postgres://user:pass@host:port/db (or leave it unset for SQLite)", e);
        }
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sqlitePath)!);
        }
        services.AddCodeRoomStorage(database);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddCodeRoomAuth();
        services.AddCodeRoomRateLimiting(configuration);
        Room.RoomSetup.AddCodeRoomRoom(services, configuration);

        StartupErrors.CheckRabbitMqUrl(configuration["RabbitMq:Url"]);
        services.AddJudge(configuration, fleet: !string.IsNullOrWhiteSpace(configuration["RabbitMq:Url"]));
        services.AddSingleton<ProblemStore>();
        services.AddScoped<ProblemImporter>();
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable");
}
