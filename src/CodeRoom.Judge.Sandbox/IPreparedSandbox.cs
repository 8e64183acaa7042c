namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// A sandbox whose command has already started (namespaces, cgroups, runtime start-up) and waits for its stdin. Runs
/// once: <see cref="RunAsync"/> feeds it and supervises it exactly like <see cref="ISandbox.RunAsync"/>, with the
/// limits counted from that moment. Disposing it kills whatever is left and removes every trace.
/// </summary>
public interface IPreparedSandbox : IAsyncDisposable
{
    /// <summary>When it was prepared (by the monotonic clock), so that pools can retire old ones.</summary>
    long PreparedAtTimestamp { get; }

    /// <summary>True once the program died while waiting (a pool must not hand it out).</summary>
    bool HasExited { get; }

    Task<SandboxOutcome> RunAsync(ReadOnlyMemory<byte> stdin, Action<string, ISandboxMonitor>? onControlLine, CancellationToken cancellationToken);
}
