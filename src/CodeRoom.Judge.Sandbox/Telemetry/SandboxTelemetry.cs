using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeRoom.Judge.Sandbox.Telemetry;

/// <summary>The sandbox's traces and metrics, on the BCL only (ActivitySource and Meter): the host wires them into
/// OpenTelemetry by name (docs/observability.md). One span per supervised process, a child of whatever span runs it.</summary>
public static class SandboxTelemetry
{
    public const string Name = "CodeRoom.Judge.Sandbox";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Processes stopped by a limit, by <c>coderoom.sandbox.kill_reason</c>: time (CPU or wall), memory,
    /// output.</summary>
    public static readonly Counter<long> Kills = Meter.CreateCounter<long>("coderoom.sandbox.kills", "{process}",
        "Sandboxed processes stopped by a limit");

    public static readonly Histogram<double> ProcessDuration = Meter.CreateHistogram<double>("coderoom.sandbox.process.duration", "s",
        "Wall time of one sandboxed process, from being fed to exit");

    internal static string? KillReason(TerminationReason reason) => reason switch
    {
        TerminationReason.CpuTimeLimit or TerminationReason.WallTimeLimit => "time",
        TerminationReason.MemoryLimit => "memory",
        TerminationReason.OutputLimit => "output",
        _ => null,
    };

    internal static string Wire(TerminationReason reason) => reason switch
    {
        TerminationReason.Exited => "exited",
        TerminationReason.Signaled => "signaled",
        TerminationReason.CpuTimeLimit => "cpu_time_limit",
        TerminationReason.WallTimeLimit => "wall_time_limit",
        TerminationReason.MemoryLimit => "memory_limit",
        TerminationReason.OutputLimit => "output_limit",
        TerminationReason.Cancelled => "cancelled",
        TerminationReason.Stopped => "stopped",
        _ => "unknown",
    };

    internal static void Record(Activity? activity, SandboxOutcome outcome)
    {
        var reason = Wire(outcome.Reason);
        ProcessDuration.Record(outcome.WallTime.TotalSeconds, new KeyValuePair<string, object?>("coderoom.sandbox.termination", reason));
        if (KillReason(outcome.Reason) is { } kill)
        {
            Kills.Add(1, new KeyValuePair<string, object?>("coderoom.sandbox.kill_reason", kill));
        }
        if (activity is null)
        {
            return;
        }
        activity.SetTag("coderoom.sandbox.termination", reason);
        activity.SetTag("coderoom.sandbox.exit_code", outcome.ExitCode);
        activity.SetTag("coderoom.sandbox.cpu_ms", Math.Round(outcome.CpuTime.TotalMilliseconds, 3));
        activity.SetTag("coderoom.sandbox.peak_memory_kb", outcome.PeakMemoryBytes / 1024);
        if (KillReason(outcome.Reason) is { } k)
        {
            activity.SetTag("coderoom.sandbox.kill_reason", k);
        }
    }
}
