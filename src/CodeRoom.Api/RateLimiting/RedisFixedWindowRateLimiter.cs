using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CodeRoom.Api.RateLimiting;

/// <summary>
/// Fixed-window limiter whose counter lives in Redis, so every service instance shares one window per user.
/// The window starts at the user's first request (INCR + PEXPIRE in one script, atomic on the server);
/// Retry-After is the key's remaining TTL.
/// </summary>
internal sealed class RedisFixedWindowRateLimiter(IConnectionMultiplexer redis, string key, int permitLimit, TimeSpan window,
    TimeProvider time) : RateLimiter
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
        return { count, ttl }
        """;

    private long _lastUsedTimestamp = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsedTimestamp));

    public override RateLimiterStatistics? GetStatistics() => null;

    // The rate limiting middleware tries a synchronous acquire first and falls back to AcquireAsync when it fails;
    // a network round trip has no synchronous answer, so the synchronous path always defers.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTimestamp, time.GetTimestamp());
        var result = (RedisResult[]?)await redis.GetDatabase()
            .ScriptEvaluateAsync(Script, [key], [(long)window.TotalMilliseconds]).WaitAsync(cancellationToken);
        var count = (long)result![0];
        var ttlMs = (long)result[1];
        return count <= permitLimit ? Lease.Granted : Lease.Rejected(TimeSpan.FromMilliseconds(Math.Max(ttlMs, 1)));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Deferred = new(false, null);

        public static Lease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } r && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = r;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
