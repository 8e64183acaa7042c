using System.ComponentModel.DataAnnotations;

namespace CodeRoom.Judge.Sandbox;

/// <summary>Host-side settings of the sandbox. Validated at start: a wrong path must fail at boot, not per run.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    [Required] public string BwrapPath { get; set; } = "/usr/bin/bwrap";
    [Required] public string SetprivPath { get; set; } = "/usr/bin/setpriv";
    [Required] public string PrlimitPath { get; set; } = "/usr/bin/prlimit";

    /// <summary>Root-owned directory holding one fresh directory per run.</summary>
    [Required] public string BoxRoot { get; set; } = "/var/lib/coderoom/boxes";

    /// <summary>First uid of the per-slot uids; slot N runs as FirstSlotUid + N. Never root, never a real user.</summary>
    [Range(1000, 2_000_000_000)] public int FirstSlotUid { get; set; } = 61000;

    /// <summary>How many sandboxes may run at once (each gets its own uid).</summary>
    [Range(1, 256)] public int Slots { get; set; } = 4;

    /// <summary>How many sandboxes may be prepared ahead of time and wait for their input (warm runtimes). They have
    /// uids of their own, after the run slots', so a waiting sandbox never keeps a run from starting.</summary>
    /// <remarks>24: two warm runtimes each for Python, Java, JavaScript, TypeScript and C# (10), the javac and Roslyn
    /// compile servers and their replacements while those warm up (4), two for the run sandboxes of compiled languages
    /// built while their compiles run (<see cref="ISandbox.TryPrepareHeldAsync"/>), and the compile sandboxes waiting
    /// for C++, Go, Rust and TypeScript, up to two specs each (8). With 19, a burst of runs in every language left no
    /// slot free at times, and a waiting compile sandbox was not made.</remarks>
    [Range(0, 256)] public int StandbySlots { get; set; } = 24;

    /// <summary>Name of the cgroup, under the service's own cgroup, that holds the runs' cgroups.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]+$")] public string CgroupName { get; set; } = "coderoom";

    /// <summary>Sets /sys/kernel/rcu_expedited to 1 at start (<see cref="HostTuning.ExpediteRcu"/>): without it every
    /// sandbox start may wait 5-15 ms for the kernel to move its processes into their cgroups. False leaves the host's
    /// setting alone (a machine shared with other work whose owner decides).</summary>
    public bool ExpediteRcu { get; set; } = true;

    /// <summary>How often the supervisor reads the cgroup's CPU counter.</summary>
    [Range(1, 1000)] public int PollIntervalMs { get; set; } = 5;
}
