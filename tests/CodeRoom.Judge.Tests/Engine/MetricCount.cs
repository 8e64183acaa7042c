using System.Diagnostics.Metrics;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Adds up one counter's measurements while it lives. The meter is process-wide (another judge of the test
/// process may add to it): <paramref name="counts"/> picks the measurements a test owns, by their tags and the moment.</summary>
internal sealed class MetricCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public MetricCount(string instrument, Func<KeyValuePair<string, object?>[], bool>? counts = null)
    {
        _listener.InstrumentPublished = (published, l) =>
        {
            if (published.Name == instrument)
            {
                l.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (counts is null || counts(tags.ToArray()))
            {
                Interlocked.Add(ref _total, value);
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    /// <summary>A cache-like request that found what it asked for (<c>coderoom.cache.result</c> = hit).</summary>
    public static bool IsHit(KeyValuePair<string, object?>[] tags) =>
        tags.Any(t => t.Key == "coderoom.cache.result" && (string?)t.Value == "hit");

    public void Dispose() => _listener.Dispose();
}
