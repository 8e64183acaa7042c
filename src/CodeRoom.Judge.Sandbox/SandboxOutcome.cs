namespace CodeRoom.Judge.Sandbox;

/// <summary>Why the sandboxed process tree ended.</summary>
public enum TerminationReason
{
    /// <summary>The command exited by itself (see <see cref="SandboxOutcome.ExitCode"/>).</summary>
    Exited,
    /// <summary>The command died of a signal it did not get from the supervisor.</summary>
    Signaled,
    CpuTimeLimit,
    WallTimeLimit,
    /// <summary>The cgroup's OOM killer fired (its oom_kill counter rose).</summary>
    MemoryLimit,
    OutputLimit,
    Cancelled,
    /// <summary>The caller stopped it through <see cref="ISandboxMonitor.Stop"/> (its program broke the caller's protocol).</summary>
    Stopped,
}

/// <summary>
/// The result of one sandboxed run: data, never an exception, whatever the program did. Measurements come from
/// the kernel (cgroup CPU and memory) and the supervisor's monotonic clock.
/// </summary>
public sealed record SandboxOutcome
{
    public required TerminationReason Reason { get; init; }
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }
    public required TimeSpan CpuTime { get; init; }
    public required TimeSpan WallTime { get; init; }
    public required long PeakMemoryBytes { get; init; }
    public required byte[] Stdout { get; init; }
    public required byte[] Stderr { get; init; }
    public bool StdoutTruncated { get; init; }
    public bool StderrTruncated { get; init; }

    /// <summary>A control-channel line was longer than <see cref="SandboxLimits.ControlLineBytes"/> (the reason is then
    /// <see cref="TerminationReason.OutputLimit"/>); that line was dropped unread.</summary>
    public bool ControlLineTooLong { get; init; }

    /// <summary>Name of the lap that was running when a limit killed the sandbox, if any.</summary>
    public string? KilledInLap { get; init; }

    /// <summary>Laps that ended normally, in order.</summary>
    public IReadOnlyList<LapMeasurement> Laps { get; init; } = [];

    public bool Succeeded => Reason == TerminationReason.Exited && ExitCode == 0;
}
