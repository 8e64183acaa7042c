using System.Globalization;
using System.Threading.RateLimiting;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Runs;
using Microsoft.AspNetCore.Mvc;
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
            limiter.AddPolicy(CodingEndpoints.RateLimitPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var window = TimeSpan.FromSeconds(options.WindowSeconds);
                // Authorization runs first, so anonymous requests never get here; the fallback key is defensive.
                var user = http.User.FindFirst("sub")?.Value ?? "anonymous";
                if (http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
                {
                    var time = http.RequestServices.GetRequiredService<TimeProvider>();
                    return RateLimitPartition.Get(user, u => (RateLimiter)new RedisFixedWindowRateLimiter(
                        redis, options.RedisKeyPrefix + u, options.PermitsPerWindow, window, time));
                }
                return RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(options.WindowSeconds);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many runs",
                        Detail = $"At most {options.PermitsPerWindow} runs and submissions per {options.WindowSeconds} seconds; retry after {seconds} s.",
                    },
                });
            };
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
