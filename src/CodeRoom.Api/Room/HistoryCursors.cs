using System.Collections.Concurrent;
using CodeRoom.Storage;
using CodeRoom.Storage.History;

namespace CodeRoom.Api.Room;

/// <summary>Per attempt, what its stored history last recorded, so the next update is stored as a small edit. One
/// writer at a time per attempt (two tabs of one candidate), held in memory on the instance the candidate is connected
/// to; an instance that has none starts with a snapshot.</summary>
public sealed class HistoryCursors
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async Task RecordAsync(AppDbContext db, Guid attemptId, string problemSlug, string language, string code,
        DateTimeOffset at, long capBytes, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(attemptId, _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            entry.Cursor = await AttemptHistory.RecordCodeAsync(db, attemptId, entry.Cursor, problemSlug, language, code, at, capBytes, cancellationToken);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>The candidate's connection closed: the next connection (maybe elsewhere) starts with a snapshot.</summary>
    public void Forget(Guid attemptId) => _entries.TryRemove(attemptId, out _);

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public HistoryCursor? Cursor { get; set; }
    }
}
