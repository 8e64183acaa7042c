namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// A long-lived sandboxed program that serves requests one at a time (a warm compiler): each request goes to its stdin,
/// its reply comes back as lines on fd 3. The same policy as every run (namespaces, seccomp, its own standby uid and
/// cgroup); each exchange has its own CPU and wall-clock limit, read from the cgroup like a run's. A limit, a crash or
/// an out-of-memory kill ends the session: the owner starts a new one. Disposing it kills it and removes every trace.
/// </summary>
public interface ISandboxSession : IAsyncDisposable
{
    /// <summary>When it was started (by the monotonic clock), so that owners can retire old ones.</summary>
    long StartedAtTimestamp { get; }

    /// <summary>True once the program is gone (killed by a limit, crashed or exited).</summary>
    bool HasExited { get; }

    /// <summary>
    /// Writes <paramref name="request"/> to the program's stdin and collects the lines it writes on fd 3 until
    /// <paramref name="isLastLine"/> says the reply is complete. One exchange at a time (callers serialise).
    /// </summary>
    /// <param name="request">Bytes for stdin; empty just waits for lines (the program's greeting).</param>
    /// <param name="isLastLine">True for the line that ends the reply (it is included in the reply).</param>
    /// <param name="cpuTime">CPU the program may use for this exchange (cgroup accounting).</param>
    /// <param name="wallTime">Wall-clock limit of this exchange.</param>
    /// <param name="cancellationToken">Kills the session (its state mid-reply is unknown) and throws.</param>
    Task<SessionReply> ExchangeAsync(ReadOnlyMemory<byte> request, Func<string, bool> isLastLine, TimeSpan cpuTime,
        TimeSpan wallTime, CancellationToken cancellationToken);
}

/// <summary>What one exchange produced. <see cref="Failure"/> is null when the reply ended normally; otherwise the
/// session is dead and <see cref="Lines"/> holds whatever arrived before.</summary>
public sealed record SessionReply(TerminationReason? Failure, IReadOnlyList<string> Lines, TimeSpan CpuTime, TimeSpan WallTime);
