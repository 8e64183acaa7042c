namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// A sandbox whose command has already started (namespaces, cgroups, runtime start-up) and waits for its stdin. Runs
/// once: <see cref="RunAsync(SandboxSpec, CancellationToken)"/> feeds it and supervises it exactly like <see cref="ISandbox.RunAsync"/>, with the
/// limits counted from that moment. Disposing it kills whatever is left and removes every trace.
/// </summary>
public interface IPreparedSandbox : IAsyncDisposable
{
    /// <summary>When it was prepared (by the monotonic clock), so that pools can retire old ones.</summary>
    long PreparedAtTimestamp { get; }

    /// <summary>True once the program died while waiting (a pool must not hand it out).</summary>
    bool HasExited { get; }

    /// <param name="cpuTime">The CPU limit of this run, if not the prepared spec's. Set the prepared spec's high: its
    /// RLIMIT_CPU backstop was fixed when the program started.</param>
    /// <param name="wallTime">The wall-clock limit of this run, if not the prepared spec's.</param>
    /// <summary>Feeds the program its stdin and supervises it until it is gone.</summary>
    /// <param name="stdin">All of the program's input.</param>
    /// <param name="onControlLine">Called for each line on fd 3.</param>
    /// <param name="cancellationToken">Kills the run.</param>
    Task<SandboxOutcome> RunAsync(ReadOnlyMemory<byte> stdin, Action<string, ISandboxMonitor>? onControlLine,
        CancellationToken cancellationToken, TimeSpan? cpuTime = null, TimeSpan? wallTime = null);

    /// <summary>Feeds the program and supervises it with the run's part of <paramref name="run"/>: its stdin (kept open
    /// when <see cref="SandboxSpec.KeepStdinOpen"/>), its control handler, and its CPU, wall-clock and control-channel
    /// limits (the command, mounts and the other limits were fixed when it was prepared).</summary>
    Task<SandboxOutcome> RunAsync(SandboxSpec run, CancellationToken cancellationToken);
}
