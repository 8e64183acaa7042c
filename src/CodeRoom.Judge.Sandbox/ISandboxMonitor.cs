namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Live view of a running sandbox, handed to <see cref="SandboxSpec.OnControlLine"/>. A "lap" is a stretch of the
/// run with its own CPU and wall-clock budget (one test of a judge run): exceeding either kills the sandbox with
/// <see cref="TerminationReason.CpuTimeLimit"/> or <see cref="TerminationReason.WallTimeLimit"/> and the outcome names
/// the lap. Laps are measured here, by the supervisor, from the cgroup's counters and the monotonic clock: nothing the
/// sandboxed program writes can start, stop or shorten one except through the caller.
/// </summary>
public interface ISandboxMonitor
{
    /// <summary>CPU time of the whole process tree since the run was fed, from the cgroup.</summary>
    TimeSpan CpuTime { get; }

    /// <summary>Starts a lap: CPU used from now on counts against <paramref name="cpuBudget"/>; the lap is also killed
    /// after three times that plus a second of wall-clock time (sleeping code).</summary>
    void StartLap(string name, TimeSpan cpuBudget);

    /// <summary>Starts a lap with its own wall-clock budget.</summary>
    void StartLap(string name, TimeSpan cpuBudget, TimeSpan wallBudget);

    /// <summary>Ends the current lap and returns what it used.</summary>
    LapMeasurement EndLap();

    /// <summary>Queues bytes for the program's stdin, written in order after <see cref="SandboxSpec.Stdin"/> (needs
    /// <see cref="SandboxSpec.KeepStdinOpen"/>). Never blocks: a program that does not read only fills the pipe.</summary>
    void Send(ReadOnlyMemory<byte> bytes);

    /// <summary>Closes the program's stdin once everything queued is written.</summary>
    void CloseInput();

    /// <summary>Resident memory of the run's processes in <see cref="SandboxLimits.ShadowRange"/> now (0 when none is
    /// set). It reads /proc/PID/smaps, a few milliseconds for a sanitized process: call it only when it matters, while
    /// the program waits for input.</summary>
    long ShadowBytes();

    /// <summary>Kills the sandbox now; the outcome's reason is <see cref="TerminationReason.Stopped"/> and it names the
    /// lap that was running.</summary>
    void Stop();
}

/// <summary>CPU time, wall time and peak memory of one lap (peak memory of the run so far where the kernel cannot
/// reset it).</summary>
public sealed record LapMeasurement(string Name, TimeSpan CpuTime, long PeakMemoryBytes)
{
    public TimeSpan WallTime { get; init; }

    /// <summary>The peak the kernel reported when the lap started: a <see cref="PeakMemoryBytes"/> above it was set
    /// during this lap.</summary>
    public long PeakAtStartBytes { get; init; }
}
