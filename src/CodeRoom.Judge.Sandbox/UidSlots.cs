namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// The pool of per-slot uids. A run holds its slot for its whole life, so two runs never share a uid: kill(-1) or
/// RLIMIT_NPROC in one cannot reach the other, and the service's own uid is never used for candidate code.
/// </summary>
internal sealed class UidSlots(int firstUid, int count) : IDisposable
{
    private readonly SemaphoreSlim _free = new(count, count);
    private readonly Stack<int> _uids = new(Enumerable.Range(firstUid, count).Reverse());
    private readonly Lock _lock = new();

    public int Capacity => count;

    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return count - _uids.Count;
            }
        }
    }

    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            return new Lease(this, _uids.Pop());
        }
    }

    private void Release(int uid)
    {
        lock (_lock)
        {
            _uids.Push(uid);
        }
        _free.Release();
    }

    public void Dispose() => _free.Dispose();

    public sealed class Lease(UidSlots owner, int uid) : IDisposable
    {
        private int _released;
        public int Uid => uid;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(uid);
            }
        }
    }
}
