namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// The pool of per-slot uids. A run holds its slot for its whole life, so two runs never share a uid: kill(-1) or
/// RLIMIT_NPROC in one cannot reach the other, and the service's own uid is never used for candidate code. A lock
/// file per uid (flock, released by the kernel if the process dies) keeps two supervisors on one host (a service and
/// a CLI, or test suites) from handing out the same uid.
/// </summary>
internal sealed class UidSlots(int firstUid, int count, string lockDirectory) : IDisposable
{
    private readonly SemaphoreSlim _free = new(count, count);
    private readonly List<int> _uids = [.. Enumerable.Range(firstUid, count)];
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
        try
        {
            while (true)
            {
                if (TakeFreeUid() is { } lease)
                {
                    return lease;
                }
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _free.Release();
            throw;
        }
    }

    /// <summary>A slot now, without waiting; null when none is free.</summary>
    public Lease? TryAcquire()
    {
        if (!_free.Wait(0))
        {
            return null;
        }
        try
        {
            if (TakeFreeUid() is { } lease)
            {
                return lease;
            }
        }
        catch
        {
            _free.Release();
            throw;
        }
        _free.Release();
        return null;
    }

    /// <summary>The first free uid of ours that no other process holds (another service's slots may share the lock
    /// directory), or null; the caller holds a count of <see cref="_free"/>.</summary>
    private Lease? TakeFreeUid()
    {
        lock (_lock)
        {
            foreach (var uid in _uids)
            {
                if (TryLock(uid) is { } held)
                {
                    _uids.Remove(uid);
                    return new Lease(this, uid, held);
                }
            }
        }
        return null;
    }

    private FileStream? TryLock(int uid)
    {
        Directory.CreateDirectory(lockDirectory);
        try
        {
            // FileShare.None takes flock(LOCK_EX | LOCK_NB) on Unix.
            return new FileStream(Path.Combine(lockDirectory, $"uid-{uid}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Release(int uid, FileStream held)
    {
        held.Dispose();
        lock (_lock)
        {
            _uids.Add(uid);
        }
        _free.Release();
    }

    public void Dispose() => _free.Dispose();

    public sealed class Lease(UidSlots owner, int uid, FileStream held) : IDisposable
    {
        private int _released;
        public int Uid => uid;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(uid, held);
            }
        }
    }
}
