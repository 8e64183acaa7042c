using System.Text.Json;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeRoom.Api.Room;

internal static class RoomSetup
{
    public static void AddCodeRoomRoom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<RoomOptions>, RoomOptionsValidator>();
        services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.Section).ValidateOnStart();
        services.AddSingleton(EmbedOrigins.Parse(configuration["Embed:Origins"]));
        services.AddSingleton<HistoryCursors>();
        services.AddSingleton<RoomUsers>();
        services.AddSingleton<RoomResults>();
        var signalR = services.AddSignalR(o =>
            {
                // A code update carries the whole editor (Limits:MaxCodeBytes, 50 KB by default, as UTF-8 in JSON
                // with escapes): larger frames are refused by SignalR before any hub code runs.
                o.MaximumReceiveMessageSize = 256 * 1024;
                o.EnableDetailedErrors = false;
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                o.PayloadSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            });
        // Across API instances (issue 16): groups and messages go through Redis when REDIS_URL is set, the same server
        // the rate limits share.
        var redisUrl = configuration[$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.RedisUrl)}"];
        if (!string.IsNullOrWhiteSpace(redisUrl))
        {
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = RateLimitSetup.ParseRedisUrl(redisUrl);
                o.Configuration.ChannelPrefix = RedisChannel.Literal(configuration["Room:RedisChannelPrefix"] is { Length: > 0 } p ? p : "coderoom:room");
            });
        }
    }
}
