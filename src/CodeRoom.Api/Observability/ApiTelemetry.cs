using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeRoom.Api.Observability;

/// <summary>The service's own metrics and spans (names per the OpenTelemetry conventions; docs/observability.md). The
/// gauges read values <see cref="RunStatsService"/> refreshes from the database on each tick, so every API instance
/// reports the same queue and the scrape never waits on a query.</summary>
public static class ApiTelemetry
{
    public const string Name = "CodeRoom.Api";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("coderoom.rate_limit.refusals", "{request}",
        "Requests refused by a rate limit or in-flight cap, by policy");

    private static long _queued;
    private static long _running;
    private static long _runnersAlive = -1;

    static ApiTelemetry()
    {
        Meter.CreateObservableUpDownCounter("coderoom.judge.queue.depth", () => Volatile.Read(ref _queued), "{job}", "Jobs stored and waiting for a worker");
        Meter.CreateObservableUpDownCounter("coderoom.judge.in_flight", () => Volatile.Read(ref _running), "{job}", "Jobs being judged");
        Meter.CreateObservableUpDownCounter("coderoom.runners.alive", ObserveRunners, "{runner}", "Runners with a recent heartbeat (fleet mode)");
    }

    private static IEnumerable<Measurement<long>> ObserveRunners()
    {
        var alive = Volatile.Read(ref _runnersAlive);
        return alive < 0 ? [] : [new Measurement<long>(alive)];
    }

    internal static void SetQueue(long queued, long running)
    {
        Volatile.Write(ref _queued, queued);
        Volatile.Write(ref _running, running);
    }

    /// <summary>Null (embedded mode, no runner ever reported): the gauge reports nothing.</summary>
    internal static void SetRunners(long? alive) => Volatile.Write(ref _runnersAlive, alive ?? -1);
}
