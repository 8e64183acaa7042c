namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Live view of a running sandbox, handed to <see cref="SandboxSpec.OnControlLine"/>. A "lap" is a stretch of the
/// run with its own CPU budget (one test of a judge run): exceeding it kills the sandbox with
/// <see cref="TerminationReason.CpuTimeLimit"/> and the outcome names the lap.
/// </summary>
public interface ISandboxMonitor
{
    /// <summary>CPU time of the whole process tree since the run was fed, from the cgroup.</summary>
    TimeSpan CpuTime { get; }

    /// <summary>Starts a lap: CPU used from now on counts against <paramref name="cpuBudget"/>.</summary>
    void StartLap(string name, TimeSpan cpuBudget);

    /// <summary>Ends the current lap and returns what it used.</summary>
    LapMeasurement EndLap();
}

/// <summary>CPU time and peak memory of one lap (peak memory of the run so far where the kernel cannot reset it).</summary>
public sealed record LapMeasurement(string Name, TimeSpan CpuTime, long PeakMemoryBytes);
