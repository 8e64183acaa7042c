using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Checking;

/// <summary>
/// The sandboxes the editor's server helpers (the live check and Rust's Format, issue 15) may hold at once, together:
/// <see cref="JudgeOptions.MaxConcurrentChecks"/>. Both take the same sandbox slots as Runs; with a cap each, a burst of
/// checks and formats held twice the cap (by default all four slots), and Runs waited behind the editor.
/// </summary>
public sealed class EditorSlots : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public EditorSlots(IOptions<JudgeOptions> options)
    {
        var max = options.Value.MaxConcurrentChecks;
        _slots = new SemaphoreSlim(max, max);
    }

    /// <summary>A slot, released on dispose; null when none came free within <paramref name="wait"/> (the caller
    /// answers that the server is busy: the candidate types or presses again).</summary>
    public async Task<IDisposable?> TryEnterAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        await _slots.WaitAsync(wait, cancellationToken).ConfigureAwait(false) ? new Lease(_slots) : null;

    /// <summary>Slots free now (for tests and diagnostics).</summary>
    public int Free => _slots.CurrentCount;

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
