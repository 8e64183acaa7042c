namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Resource limits of one sandboxed process tree. Every limit is enforced by the kernel (cgroup or rlimit);
/// the supervisor's timers are a second line, never the only one.
/// </summary>
public sealed record SandboxLimits
{
    /// <summary>CPU time of all processes together (cgroup accounting, polled; RLIMIT_CPU as a hard backstop).</summary>
    public TimeSpan CpuTime { get; init; } = TimeSpan.FromMilliseconds(2000);

    /// <summary>Wall-clock safety net: sleeping or blocked code is killed too.</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Memory of all processes together (cgroup memory controller, swap off).</summary>
    public long MemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Processes plus threads (cgroup pids controller; RLIMIT_NPROC as a backstop).</summary>
    public int MaxProcesses { get; init; } = 16;

    /// <summary>Bytes kept of stdout and of stderr each; more than this is an output-limit kill.</summary>
    public int OutputBytes { get; init; } = 64 * 1024;

    /// <summary>Bytes allowed on the control channel (fd 3), where a harness reports results.</summary>
    public int ControlBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Longest line allowed on the control channel: a longer one is never handed to the caller; the sandbox is
    /// killed with <see cref="TerminationReason.OutputLimit"/> and <see cref="SandboxOutcome.ControlLineTooLong"/> set.</summary>
    public int ControlLineBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Size of the private writable /tmp (tmpfs, charged to the run's memory cgroup).</summary>
    public long TmpBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Size of /dev/shm (tmpfs).</summary>
    public long ShmBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest file a process may write (RLIMIT_FSIZE).</summary>
    public long FileSizeBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Stack size of the main thread (RLIMIT_STACK); deep recursion needs room.</summary>
    public long StackBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Open files per process (RLIMIT_NOFILE).</summary>
    public int OpenFiles { get; init; } = 256;

    /// <summary>
    /// Addresses whose resident memory is a runtime's own bookkeeping rather than the program's (AddressSanitizer's
    /// shadow): measured on request (<see cref="ISandboxMonitor.ShadowBytes"/>, from /proc/PID/smaps of the
    /// run's processes) so that the caller can judge the program's memory without it. Not a limit: the cgroup's
    /// <see cref="MemoryBytes"/> still caps everything. Null: not measured.
    /// </summary>
    public AddressRange? ShadowRange { get; init; }
}

/// <summary>A range of virtual addresses, [Start, End).</summary>
public sealed record AddressRange(ulong Start, ulong End);
