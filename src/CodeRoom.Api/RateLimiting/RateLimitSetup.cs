using System.Globalization;
using System.Threading.RateLimiting;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Runs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeRoom.Api.RateLimiting;

internal static class RateLimitSetup
{
    public static void AddCodeRoomRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var redisUrl = configuration[$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.RedisUrl)}"];
        if (!string.IsNullOrWhiteSpace(redisUrl))
        {
            var redisOptions = ParseRedisUrl(redisUrl);
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        }

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in UserRateLimit.Policies)
            {
                limiter.AddPolicy(policy, http => Partition(http, UserRateLimit.For(policy, http.RequestServices)));
            }
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? CodingEndpoints.RateLimitPolicy;
                var limit = UserRateLimit.For(policy, http.RequestServices);
                Observability.ApiTelemetry.RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("coderoom.rate_limit.policy", policy));
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(limit.WindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = limit.Title,
                        Detail = $"At most {limit.PermitsPerWindow} {limit.What} per {limit.WindowSeconds} seconds; retry after {seconds} s.",
                    },
                });
            };
        });
    }

    /// <summary>One window per user and policy: in Redis when configured (shared by every instance), else in memory.</summary>
    private static RateLimitPartition<string> Partition(HttpContext http, UserRateLimit limit)
    {
        var window = TimeSpan.FromSeconds(limit.WindowSeconds);
        // Authorization runs first and refuses tokens without a usable sub, so the fallback key is defensive.
        var user = http.User.FindFirst("sub")?.Value ?? "anonymous";
        if (http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
        {
            var prefix = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RedisKeyPrefix;
            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            return RateLimitPartition.Get(user, u => (RateLimiter)new RedisFixedWindowRateLimiter(
                redis, $"{prefix}{limit.Policy}:{u}", limit.PermitsPerWindow, window, time));
        }
        return RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitsPerWindow,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>redis://[user:password@]host:port[/db] or a StackExchange.Redis configuration string.</summary>
    internal static ConfigurationOptions ParseRedisUrl(string url)
    {
        if (!url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationOptions.Parse(url);
        }
        var uri = new Uri(url);
        var options = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 5000 };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                options.User = parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                options.Password = Uri.UnescapeDataString(parts[0]);
            }
        }
        if (int.TryParse(uri.AbsolutePath.Trim('/'), CultureInfo.InvariantCulture, out var db))
        {
            options.DefaultDatabase = db;
        }
        return options;
    }
}

/// <summary>The per-user rate limits: run + submit, new attempts, draft writes. Each has its own window per user.</summary>
internal sealed record UserRateLimit(string Policy, int PermitsPerWindow, int WindowSeconds, string Title, string What)
{
    public const string Attempts = "attempts";
    public const string Drafts = "drafts";

    public static readonly string[] Policies = [CodingEndpoints.RateLimitPolicy, Attempts, Drafts, Checks.CheckEndpoints.RateLimitPolicy];

    public static UserRateLimit For(string policy, IServiceProvider services)
    {
        switch (policy)
        {
            case Attempts:
                var attempts = services.GetRequiredService<IOptions<AttemptLimitOptions>>().Value;
                return new(policy, attempts.PermitsPerWindow, attempts.WindowSeconds, "Too many new attempts", "new attempts");
            case Drafts:
                var drafts = services.GetRequiredService<IOptions<DraftLimitOptions>>().Value;
                return new(policy, drafts.PermitsPerWindow, drafts.WindowSeconds, "Too many draft saves", "draft saves");
            case Checks.CheckEndpoints.RateLimitPolicy:
                var checks = services.GetRequiredService<IOptions<CheckLimitOptions>>().Value;
                return new(policy, checks.PermitsPerWindow, checks.WindowSeconds, "Too many checks", "code checks");
            default:
                var runs = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return new(CodingEndpoints.RateLimitPolicy, runs.PermitsPerWindow, runs.WindowSeconds, "Too many runs", "runs and submissions");
        }
    }
}
