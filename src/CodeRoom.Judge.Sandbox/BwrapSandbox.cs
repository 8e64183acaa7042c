using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeRoom.Judge.Sandbox.Cgroups;
using CodeRoom.Judge.Sandbox.Native;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// The sandbox: a root supervisor that makes a cgroup per run, drops to a per-slot uid and starts bubblewrap with a
/// seccomp filter, then watches CPU, wall time, memory and output until the process tree is gone. See docs/sandbox.md.
/// </summary>
public sealed partial class BwrapSandbox : ISandbox, IDisposable
{
    private readonly SandboxOptions _options;
    private readonly ILogger<BwrapSandbox> _logger;
    private readonly Lazy<Setup> _setup;
    private readonly UidSlots _slots;
    private readonly UidSlots _standbySlots;

    public BwrapSandbox(SandboxOptions options, ILogger<BwrapSandbox> logger)
    {
        _options = options;
        _logger = logger;
        var lockDirectory = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(options.BoxRoot)) ?? "/var/lib/coderoom", "slots");
        _slots = new UidSlots(options.FirstSlotUid, options.Slots, lockDirectory);
        _standbySlots = new UidSlots(options.FirstSlotUid + options.Slots, Math.Max(options.StandbySlots, 1), lockDirectory);
        _setup = new Lazy<Setup>(CreateSetup, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int SlotsInUse => _slots.InUse;
    public int SlotCapacity => _slots.Capacity;

    /// <summary>Built once: the cgroup tree, the seccomp program, and which masked /proc paths this kernel has.</summary>
    private sealed record Setup(ICgroupHierarchy Cgroups, byte[] SeccompProgram, IReadOnlySet<string> ProcEntries);

    /// <summary>Which of the /proc paths the policy masks exist here: the sandbox's fresh /proc has the same kernel's.</summary>
    private static HashSet<string> ExistingProcEntries()
    {
        var all = SandboxPolicy.MaskedFiles(new SandboxLimits(), _ => true).Select(f => f.SandboxPath)
            .Concat(SandboxPolicy.MaskedDirectories(_ => true));
        return [.. all.Where(p => File.Exists(p) || Directory.Exists(p))];
    }

    private Setup CreateSetup()
    {
        if (Libc.geteuid() != 0)
        {
            throw new SandboxUnavailableException(
                "the sandbox supervisor must run as root: it creates cgroups and drops each run to its own uid");
        }
        foreach (var tool in new[] { _options.BwrapPath, _options.SetprivPath, _options.PrlimitPath })
        {
            if (!File.Exists(tool))
            {
                throw new SandboxUnavailableException($"{tool} is missing (install bubblewrap and util-linux)");
            }
        }
        // bwrap's monitor exits as soon as its sandbox reports an exit status, before the namespace's pid 1 is reaped:
        // that pid 1 is then orphaned. As a child subreaper the supervisor inherits it and reaps it at once, instead
        // of leaving a zombie to the host's init that still counts against the slot uid's RLIMIT_NPROC.
        if (Libc.prctl(Libc.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
        {
            throw new SandboxUnavailableException($"prctl(PR_SET_CHILD_SUBREAPER) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
        var cgroups = CgroupDetector.Create(_options.CgroupName);
        byte[] seccomp;
        try
        {
            seccomp = Seccomp.BuildProgram();
        }
        catch (DllNotFoundException e)
        {
            throw new SandboxUnavailableException("libseccomp.so.2 is missing (install libseccomp2)", e);
        }
        Directory.CreateDirectory(_options.BoxRoot);
        // Others may pass through the box root to reach their own bound box, but never list it.
        File.SetUnixFileMode(_options.BoxRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        if (_options.ExpediteRcu)
        {
            var (changed, problem) = HostTuning.ExpediteRcu();
            if (changed)
            {
                LogRcuExpedited(HostTuning.RcuExpeditedPath);
            }
            else if (problem is not null)
            {
                LogRcuNotExpedited(problem);
            }
        }
        LogReady(cgroups.Description, _options.Slots);
        return new Setup(cgroups, seccomp, ExistingProcEntries());
    }

    /// <summary>Builds the cgroup subtree and the seccomp program now, so that a broken host fails at start.</summary>
    public void EnsureReady() => _ = _setup.Value;

    public SandboxBox CreateBox()
    {
        _ = _setup.Value;
        var path = Path.Combine(_options.BoxRoot, "box-" + RandomName());
        Directory.CreateDirectory(path);
        // The compile step writes here as its slot uid; runs get the directory read-only.
        File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        return new SandboxBox(path);
    }

    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public async Task<SandboxOutcome> RunAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        // One code path for every run: prepare (spawn, join the cgroups, wait for input), then run.
        var prepared = await PrepareAsync(spec, cancellationToken).ConfigureAwait(false);
        await using (prepared.ConfigureAwait(false))
        {
            return await prepared.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IPreparedSandbox> PrepareAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        PrepareAsync(spec, _slots, cancellationToken);

    public Task<IPreparedSandbox> PrepareStandbyAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        _options.StandbySlots > 0
            ? PrepareAsync(spec, _standbySlots, cancellationToken)
            : throw new SandboxUnavailableException("no standby slots are configured (Sandbox:StandbySlots = 0)");

    public async Task<IPreparedSandbox?> TryPrepareHeldAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        var setup = _setup.Value;
        // A standby slot, like every sandbox prepared ahead of its run: a run slot taken here could keep another
        // judge's compile waiting. Runs at normal priority: its run follows within the compile's time.
        var lease = _options.StandbySlots > 0 ? _standbySlots.TryAcquire() : null;
        return lease is null ? null : await PrepareAsync(spec, setup, lease, background: false, hold: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IPreparedSandbox?> TryPrepareStartedAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        var setup = _setup.Value;
        // Normal priority, as a held sandbox: the command's start-up (rustc's ~25 ms) is to be done before its request
        // comes, not postponed onto that request's path by a busy core. No judge's measured time is taken from it: a
        // test's CPU time is its own cgroup's.
        var lease = _options.StandbySlots > 0 ? _standbySlots.TryAcquire() : null;
        return lease is null ? null : await PrepareAsync(spec, setup, lease, background: false, hold: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IPreparedSandbox> PrepareAsync(SandboxSpec spec, UidSlots slots, CancellationToken cancellationToken)
    {
        var setup = _setup.Value;
        var lease = await slots.AcquireAsync(cancellationToken).ConfigureAwait(false);
        // Sandboxes prepared ahead of time start at background priority until they are fed (SandboxPriority).
        return await PrepareAsync(spec, setup, lease, ReferenceEquals(slots, _standbySlots), hold: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IPreparedSandbox> PrepareAsync(SandboxSpec spec, Setup setup, UidSlots.Lease lease, bool background, bool hold,
        CancellationToken cancellationToken)
    {
        IRunCgroup? cgroup = null;
        try
        {
            cgroup = setup.Cgroups.Create("run-" + RandomName(), spec.Limits.MemoryBytes, spec.Limits.MaxProcesses);
            var process = await StartAsync(spec, setup, cgroup, lease.Uid, background, hold, cancellationToken).ConfigureAwait(false);
            return new PreparedSandbox(this, spec.Limits, cgroup, lease, process, background);
        }
        catch
        {
            if (cgroup is not null)
            {
                await cgroup.DestroyAsync(CancellationToken.None).ConfigureAwait(false);
            }
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Spawns the launcher chain, puts bwrap and the namespace's pid 1 into the cgroups, releases the
    /// sandbox and starts draining its output. The command then runs until it needs its stdin.</summary>
    private async Task<SandboxProcess> StartAsync(SandboxSpec spec, Setup setup, IRunCgroup cgroup, int uid, bool background, bool hold,
        CancellationToken cancellationToken)
    {
        var limits = spec.Limits;
        var argv = new List<string>(SandboxPolicy.LauncherArguments(_options, limits, uid));
        argv.AddRange(spec.Command);

        var hostHas = (Func<string, bool>)setup.ProcEntries.Contains;
        var bwrapArguments = NulSeparated(SandboxPolicy.BwrapArguments(spec, hostHas));
        // A pipe, written only once the launcher is in the run's cgroups: bwrap waits for its options before it
        // creates any namespace, so its cgroup namespace is rooted at the run's own cgroup.
        using var args = new Pipe();
        var masks = new List<MemFd>();
        using var disposeMasks = new MemFdList(masks);
        foreach (var masked in SandboxPolicy.MaskedFiles(limits, hostHas))
        {
            var memFd = MemFd.Create("bwrap-mask");
            masks.Add(memFd);
            memFd.WriteAllAndRewind(Encoding.UTF8.GetBytes(masked.Contents));
        }
        using var seccomp = MemFd.Create("bwrap-seccomp");
        seccomp.WriteAllAndRewind(setup.SeccompProgram);
        using var stdin = new Pipe();
        using var stdout = new Pipe();
        using var stderr = new Pipe();
        using var control = new Pipe();
        using var status = new Pipe();
        using var block = new Pipe();

        // The pipes belong to the slot's uid, so that the sandboxed program may reopen its own ends by path
        // (/proc/self/fd/3, /dev/stdout), as a JVM must for fd 3. A pipe inode's owner grants nothing else.
        foreach (var fd in new[] { stdin.ReadFd, stdout.WriteFd, stderr.WriteFd, control.WriteFd })
        {
            if (Libc.fchown(fd, uid, uid) != 0)
            {
                throw new SandboxUnavailableException($"fchown of a pipe failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
            }
        }
        var fdMap = new Dictionary<int, int>
        {
            [0] = stdin.ReadFd,
            [1] = stdout.WriteFd,
            [2] = stderr.WriteFd,
            [SandboxPolicy.ControlFd] = control.WriteFd,
            [SandboxPolicy.ArgsFd] = args.ReadFd,
            [SandboxPolicy.StatusFd] = status.WriteFd,
            [SandboxPolicy.BlockFd] = block.ReadFd,
            [SandboxPolicy.SeccompFd] = seccomp.Fd,
        };
        for (var i = 0; i < masks.Count; i++)
        {
            fdMap[SandboxPolicy.FirstMaskFd + i] = masks[i].Fd;
        }
        var pid = Spawner.Spawn(argv, fdMap, SandboxPolicy.FirstClosedFd);
        args.CloseRead();
        stdin.CloseRead();
        stdout.CloseWrite();
        stderr.CloseWrite();
        control.CloseWrite();
        status.CloseWrite();
        block.CloseRead();

        var process = new SandboxProcess(pid, uid, new StatusReader(status.TakeReader()), new Monitor(cgroup));
        process.Monitor.OnStop = () => process.Kill(TerminationReason.Stopped);
        try
        {
            // The launcher joins the cgroups before bwrap has read its options, so before it creates its namespaces:
            // /proc/self/cgroup inside shows "/", not the run's place in the host's cgroup tree.
            cgroup.AddProcess(pid);
            await WriteArgumentsAsync(args.TakeWriter(), bwrapArguments).ConfigureAwait(false);
            var started = await process.Status.ReadChildPidAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            if (started is null)
            {
                var setupError = await ReadAllCappedAsync(stderr.TakeReader(), 4096).ConfigureAwait(false);
                throw new SandboxUnavailableException(
                    "bubblewrap did not start: " + Encoding.UTF8.GetString(setupError.Bytes).Trim());
            }
            process.ChildPid = started.Value;
            // The namespace's pid 1 was forked inside the cgroups already; joining again is a no-op, and a safeguard.
            // Everything of the command runs, counted and limited, only once the block fd is released below.
            cgroup.AddProcess(process.ChildPid);
            if (background)
            {
                // Before the command starts: everything it runs inherits the priority.
                SandboxPriority.SetProcess(pid, SandboxPriority.Background);
                SandboxPriority.SetProcess(process.ChildPid, SandboxPriority.Background);
            }
            process.Stdin = stdin.TakeWriter();
            process.StdoutTask = DrainAsync(stdout.TakeReader(), limits.OutputBytes, () => process.Kill(TerminationReason.OutputLimit));
            process.StderrTask = DrainAsync(stderr.TakeReader(), limits.OutputBytes, () => process.Kill(TerminationReason.OutputLimit));
            process.ControlTask = ReadControlAsync(control.TakeReader(), limits.ControlBytes, process,
                () => process.Kill(TerminationReason.OutputLimit));
            process.ControlLineBytes = limits.ControlLineBytes;
            process.ExitTask = process.Status.ReadExitCodeAsync();
            process.Held = block.TakeWriter();
            if (!hold)
            {
                await process.ReleaseAsync().ConfigureAwait(false);
            }
            return process;
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Feeds stdin and watches the process until it is gone; limits count from this moment (CPU the
    /// program used while it was prepared and waiting is not charged).</summary>
    private async Task<SandboxOutcome> SuperviseAsync(SandboxLimits limits, IRunCgroup cgroup, SandboxProcess process,
        ReadOnlyMemory<byte> stdinBytes, bool keepStdinOpen, Action<string, ISandboxMonitor>? onControlLine, Action<ISandboxMonitor>? onStarted,
        CancellationToken cancellationToken)
    {
        using var activity = Telemetry.SandboxTelemetry.Source.StartActivity("coderoom.sandbox.process");
        var outcome = await SuperviseCoreAsync(limits, cgroup, process, stdinBytes, keepStdinOpen, onControlLine, onStarted, cancellationToken)
            .ConfigureAwait(false);
        Telemetry.SandboxTelemetry.Record(activity, outcome);
        return outcome;
    }

    private async Task<SandboxOutcome> SuperviseCoreAsync(SandboxLimits limits, IRunCgroup cgroup, SandboxProcess process,
        ReadOnlyMemory<byte> stdinBytes, bool keepStdinOpen, Action<string, ISandboxMonitor>? onControlLine, Action<ISandboxMonitor>? onStarted,
        CancellationToken cancellationToken)
    {
        // The line cap of this run (a prepared program started with its spec's; the run may set a tighter one).
        process.ControlLineBytes = limits.ControlLineBytes;
        var baseline = cgroup.CpuUsage();
        var clock = Stopwatch.StartNew();
        var monitor = process.Monitor;
        monitor.Baseline = baseline;
        monitor.ShadowRange = limits.ShadowRange;
        process.OnControlLine = onControlLine;
        onStarted?.Invoke(monitor);
        var stdinTask = WriteStdinAsync(process.Stdin!, stdinBytes, keepStdinOpen ? monitor.Input.Reader : null);
        process.Stdin = null; // the writer owns it now
        var exitTask = process.ExitTask!;

        var poll = TimeSpan.FromMilliseconds(_options.PollIntervalMs);
        while (!exitTask.IsCompleted)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                process.Kill(TerminationReason.Cancelled);
                break;
            }
            var cpu = cgroup.CpuUsage();
            if (cpu - baseline > limits.CpuTime)
            {
                process.Kill(TerminationReason.CpuTimeLimit);
                break;
            }
            if (monitor.LapExceeded(cpu) is { } lapLimit)
            {
                process.Kill(lapLimit);
                break;
            }
            if (clock.Elapsed > limits.WallTime)
            {
                process.Kill(TerminationReason.WallTimeLimit);
                break;
            }
            await Task.WhenAny(exitTask, Task.Delay(poll, process.Killed)).ConfigureAwait(false);
        }

        var exitCode = await WaitBoundedAsync(exitTask, TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        monitor.CloseInput();
        var wall = clock.Elapsed;
        // The process tree is gone once pid 1 of the namespace is; pipes close with it. Bounded, in case something
        // kept a pipe open past that.
        var stdoutTask = process.StdoutTask!;
        var stderrTask = process.StderrTask!;
        var drained = Task.WhenAll(stdoutTask, stderrTask, process.ControlTask!);
        if (await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None)).ConfigureAwait(false) != drained)
        {
            process.Kill(process.KillReason ?? TerminationReason.WallTimeLimit);
            await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None)).ConfigureAwait(false);
        }
        await stdinTask.ConfigureAwait(false);

        var cpuTime = cgroup.CpuUsage() - baseline;
        var peak = Math.Max(cgroup.PeakMemoryBytes(), monitor.PeakBeforeReset);
        var oom = cgroup.OomKills() > 0;
        var (stdoutBytes, stdoutTruncated) = stdoutTask.IsCompletedSuccessfully ? await stdoutTask.ConfigureAwait(false) : (Array.Empty<byte>(), false);
        var (stderrBytes, stderrTruncated) = stderrTask.IsCompletedSuccessfully ? await stderrTask.ConfigureAwait(false) : (Array.Empty<byte>(), false);

        TerminationReason reason;
        int? signal = null;
        var killReason = process.KillReason;
        if (killReason is { } killed && killed != TerminationReason.OutputLimit && oom)
        {
            reason = TerminationReason.MemoryLimit;
        }
        else if (killReason is { } k)
        {
            reason = k;
        }
        else if (oom)
        {
            reason = TerminationReason.MemoryLimit;
        }
        else if (cpuTime > limits.CpuTime)
        {
            reason = TerminationReason.CpuTimeLimit; // RLIMIT_CPU fired between two polls
        }
        else if (exitCode is > 128 and < 128 + 65)
        {
            reason = TerminationReason.Signaled;
            signal = exitCode.Value - 128;
        }
        else
        {
            reason = TerminationReason.Exited;
        }
        if (exitCode is null && reason == TerminationReason.Exited)
        {
            reason = TerminationReason.Signaled;
            signal = Libc.SIGKILL;
        }
        LogRunFinished(reason, exitCode, cpuTime.TotalMilliseconds, wall.TotalMilliseconds, peak / 1024);
        return new SandboxOutcome
        {
            Reason = reason,
            ExitCode = reason == TerminationReason.Exited ? exitCode : null,
            Signal = signal,
            CpuTime = cpuTime,
            WallTime = wall,
            PeakMemoryBytes = peak,
            Stdout = stdoutBytes,
            Stderr = stderrBytes,
            StdoutTruncated = stdoutTruncated,
            StderrTruncated = stderrTruncated,
            ControlLineTooLong = process.ControlLineTooLong,
            KilledInLap = reason is TerminationReason.CpuTimeLimit or TerminationReason.WallTimeLimit
                or TerminationReason.MemoryLimit or TerminationReason.OutputLimit or TerminationReason.Signaled
                or TerminationReason.Stopped
                ? monitor.CurrentLap : null,
            Laps = monitor.CompletedLaps,
        };
    }

    /// <summary>Hands bwrap its options. If bwrap is gone already, the status channel reports that it did not start.</summary>
    private static async Task WriteArgumentsAsync(Stream stream, byte[] arguments)
    {
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                await stream.WriteAsync(arguments, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // bwrap exited before reading them.
            }
        }
    }

    /// <summary>Closes the masked files' descriptors once the launcher holds its own copies.</summary>
    private sealed class MemFdList(List<MemFd> memFds) : IDisposable
    {
        public void Dispose()
        {
            foreach (var memFd in memFds)
            {
                memFd.Dispose();
            }
        }
    }

    private static async Task<int?> WaitBoundedAsync(Task<int?> task, TimeSpan timeout)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout, CancellationToken.None)).ConfigureAwait(false) == task)
        {
            return await task.ConfigureAwait(false);
        }
        return null;
    }

    private static byte[] NulSeparated(IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        foreach (var a in args)
        {
            if (a.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("sandbox argument contains NUL");
            }
            sb.Append(a).Append('\0');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public void Dispose()
    {
        _slots.Dispose();
        _standbySlots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Set {Path} to 1: a sandbox's move into its cgroups no longer waits for a full RCU grace period (Sandbox:ExpediteRcu)")]
    private partial void LogRcuExpedited(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem} (Sandbox:ExpediteRcu)")]
    private partial void LogRcuNotExpedited(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox ready: {Cgroups}, {Slots} slots")]
    private partial void LogReady(string cgroups, int slots);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox run finished: {Reason} exit {ExitCode}, cpu {CpuMs} ms, wall {WallMs} ms, peak {PeakKb} KB")]
    private partial void LogRunFinished(TerminationReason reason, int? exitCode, double cpuMs, double wallMs, long peakKb);
}
