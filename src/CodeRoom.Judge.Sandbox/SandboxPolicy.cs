using System.Globalization;

namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// The sandbox policy, in one place: turns a <see cref="SandboxSpec"/> into the launcher's argv (rlimits, then the
/// uid drop, then bubblewrap) and bubblewrap's own arguments. docs/sandbox.md explains every line and
/// SandboxPolicyTests pins the output, so a change here is always a visible, reviewed change.
/// </summary>
public static class SandboxPolicy
{
    /// <summary>File descriptor numbers inside the launched process.</summary>
    public const int ControlFd = 3;
    public const int ArgsFd = 10;
    public const int StatusFd = 11;
    public const int BlockFd = 12;
    public const int SeccompFd = 13;

    /// <summary>bwrap copies each <see cref="MaskedFile"/> from its own descriptor, numbered from here.</summary>
    public const int FirstMaskFd = 14;

    /// <summary>Everything at or above this number is closed before the launcher starts.</summary>
    public const int FirstClosedFd = FirstMaskFd + 8;

    /// <summary>
    /// The host's /usr, directory by directory: what the toolchains use (interpreters and compilers, their
    /// libraries, the C and C++ headers). Not /usr/local (the host's own tools and configuration), nor /usr/share,
    /// /usr/libexec, /usr/sbin, /usr/src or anything else a host adds to /usr.
    /// </summary>
    public static readonly IReadOnlyList<string> UsrDirectories = ["/usr/bin", "/usr/include", "/usr/lib", "/usr/lib64"];

    /// <summary>A file bound read-only over a path of the sandbox's /proc: synthetic figures of the run, or nothing.</summary>
    public sealed record MaskedFile(string SandboxPath, string Contents);

    /// <summary>
    /// The /proc files that would show host-wide figures or host configuration, each replaced by a read-only file of
    /// the run's own (see docs/sandbox.md, "What the sandbox shows"). <paramref name="hostHas"/> says which exist on this
    /// kernel (config.gz needs CONFIG_IKCONFIG_PROC): bwrap cannot bind over a /proc entry that is not there. Each is a
    /// bind mount on every sandbox start (about 0.1 ms each), so the list holds what matters, not every counter.
    /// </summary>
    public static IReadOnlyList<MaskedFile> MaskedFiles(SandboxLimits limits, Func<string, bool> hostHas)
    {
        var memoryKb = (limits.MemoryBytes / 1024).ToString(CultureInfo.InvariantCulture).PadLeft(8);
        MaskedFile[] files =
        [
            // lxcfs-style: the run's memory limit is all the memory there is, and all of it is free; no swap.
            new("/proc/meminfo", $"""
                MemTotal:       {memoryKb} kB
                MemFree:        {memoryKb} kB
                MemAvailable:   {memoryKb} kB
                Buffers:               0 kB
                Cached:                0 kB
                SwapCached:            0 kB
                SwapTotal:             0 kB
                SwapFree:              0 kB
                Shmem:                 0 kB

                """),
            // No per-CPU lines: glibc then counts processors with sched_getaffinity (os.cpu_count, nproc, the JVM).
            new("/proc/stat", """
                cpu  0 0 0 0 0 0 0 0 0 0
                intr 0
                ctxt 0
                btime 0
                processes 0
                procs_running 1
                procs_blocked 0
                softirq 0 0 0 0 0 0 0 0 0 0 0

                """),
            new("/proc/loadavg", "0.00 0.00 0.00 1/1 1\n"),
            new("/proc/uptime", "0.00 0.00\n"),
            // Host configuration: the kernel's build configuration and the host's boot command line.
            new("/proc/config.gz", ""),
            new("/proc/cmdline", ""),
        ];
        return [.. files.Where(f => hostHas(f.SandboxPath))];
    }

    /// <summary>
    /// /proc directories replaced by an empty read-only tmpfs: pressure stall information, host-wide CPU, memory and
    /// I/O load (present when the kernel has PSI).
    /// </summary>
    public static IReadOnlyList<string> MaskedDirectories(Func<string, bool> hostHas) =>
        [.. new[] { "/proc/pressure" }.Where(hostHas)];

    /// <summary>
    /// argv of the launcher chain. prlimit sets the rlimits (as root, so hard limits can be set), setpriv drops to the
    /// slot's uid with no groups, no capabilities and no_new_privs, and only then bwrap starts: started as root,
    /// bwrap's --unshare-user would map the sandbox to host root (sandbox-security.md, V1).
    /// </summary>
    public static IReadOnlyList<string> LauncherArguments(SandboxOptions options, SandboxLimits limits, int slotUid)
    {
        var uid = slotUid.ToString(CultureInfo.InvariantCulture);
        // RLIMIT_CPU is a backstop only: the supervisor kills at the cgroup's CPU counter long before.
        var cpuSeconds = (long)Math.Ceiling(limits.CpuTime.TotalSeconds) + 1;
        return
        [
            options.PrlimitPath,
            "--core=0",
            "--memlock=0",
            Limit("cpu", cpuSeconds),
            Limit("fsize", limits.FileSizeBytes),
            Limit("nofile", limits.OpenFiles),
            Limit("stack", limits.StackBytes),
            // Per-uid process count; each slot has its own uid, so this only counts this run's processes.
            Limit("nproc", limits.MaxProcesses + 8),
            "--",
            options.SetprivPath,
            "--reuid=" + uid,
            "--regid=" + uid,
            "--clear-groups",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--no-new-privs",
            "--",
            options.BwrapPath,
            "--args", ArgsFd.ToString(CultureInfo.InvariantCulture),
            "--",
        ];
    }

    /// <summary>
    /// bubblewrap's arguments, passed through <c>--args FD</c> so that /proc/1/cmdline inside shows none of them.
    /// The command itself follows them on the launcher's argv.
    /// </summary>
    /// <remarks>
    /// <paramref name="hostHas"/> says which of the masked /proc paths exist on this kernel (<see cref="MaskedFiles"/>);
    /// the supervisor hands file <c>i</c> of that list on descriptor <see cref="FirstMaskFd"/> + i.
    /// </remarks>
    public static IReadOnlyList<string> BwrapArguments(SandboxSpec spec, Func<string, bool> hostHas)
    {
        var limits = spec.Limits;
        var args = new List<string>
        {
            // Fresh user, pid, ipc, net, uts and cgroup namespaces; the net namespace is empty (loopback down).
            "--unshare-all", "--unshare-user", "--disable-userns",
            "--die-with-parent",
            // A new session: no TIOCSTI into a terminal (CVE-2017-5226).
            "--new-session",
            "--hostname", "sandbox",
            "--clearenv",
        };
        // Read-only root made of toolchain paths only: no /etc, /home, /root, /var, /run, /usr/local, service files.
        foreach (var directory in UsrDirectories)
        {
            args.AddRange(["--ro-bind", directory, directory]);
        }
        args.AddRange(
        [
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
        ]);
        foreach (var mount in spec.ExtraMounts)
        {
            args.Add(mount.Writable ? "--bind" : "--ro-bind");
            args.Add(mount.HostPath);
            args.Add(mount.SandboxPath);
        }
        args.Add("--proc");
        args.Add("/proc");
        // Host-wide figures and host configuration in /proc: replaced by the run's own (docs/sandbox.md).
        var masked = MaskedFiles(limits, hostHas);
        if (masked.Count > FirstClosedFd - FirstMaskFd)
        {
            throw new InvalidOperationException("more masked files than descriptors reserved for them");
        }
        for (var i = 0; i < masked.Count; i++)
        {
            args.AddRange(["--perms", "0444", "--ro-bind-data", (FirstMaskFd + i).ToString(CultureInfo.InvariantCulture), masked[i].SandboxPath]);
        }
        foreach (var directory in MaskedDirectories(hostHas))
        {
            // tmpfs is writable by the sandbox's uid: remounted read-only at once. 4 KB: it holds nothing anyway.
            args.AddRange(["--size", "4096", "--tmpfs", directory, "--remount-ro", directory]);
        }
        args.AddRange(
        [
            // --dev gives null, zero, full, random, urandom, tty and an unsized tmpfs: size /dev/shm explicitly.
            "--dev", "/dev",
            "--size", Bytes(limits.ShmBytes), "--tmpfs", "/dev/shm",
            "--size", Bytes(limits.TmpBytes), "--tmpfs", "/tmp",
            // --dev's tmpfs is writable by the sandbox and unsized: without this, /dev/anything was a second, uncapped
            // /tmp (found by the adversarial suite). Not recursive: /dev/shm keeps its own sized, writable tmpfs, and
            // writing to the device nodes themselves (/dev/null) is unaffected by a read-only filesystem.
            "--remount-ro", "/dev",
            spec.WorkingDirectoryWritable ? "--bind" : "--ro-bind", spec.WorkingDirectory, spec.WorkingDirectoryInSandbox,
            "--remount-ro", "/",
            "--chdir", spec.WorkingDirectoryInSandbox,
        ]);
        // Compilers find their helpers (ld, cc1plus) through PATH; nothing else of the host's environment is passed.
        var environment = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal);
        environment.TryAdd("PATH", "/usr/bin:/bin");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            args.Add("--setenv");
            args.Add(name);
            args.Add(value);
        }
        args.AddRange(
        [
            "--seccomp", SeccompFd.ToString(CultureInfo.InvariantCulture),
            "--json-status-fd", StatusFd.ToString(CultureInfo.InvariantCulture),
            // The sandbox waits here until the supervisor has moved it into its cgroups.
            "--block-fd", BlockFd.ToString(CultureInfo.InvariantCulture),
        ]);
        return args;
    }

    private static string Limit(string name, long value) =>
        "--" + name + "=" + value.ToString(CultureInfo.InvariantCulture) + ":" + value.ToString(CultureInfo.InvariantCulture);

    private static string Bytes(long value) => value.ToString(CultureInfo.InvariantCulture);
}
