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

    /// <summary>Everything at or above this number is closed before the launcher starts.</summary>
    public const int FirstClosedFd = 14;

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
    public static IReadOnlyList<string> BwrapArguments(SandboxSpec spec)
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
            // Read-only root made of toolchain paths only: no /etc, /home, /root, /var, /run, service files.
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
            "--symlink", "usr/sbin", "/sbin",
        };
        foreach (var mount in spec.ExtraMounts)
        {
            args.Add(mount.Writable ? "--bind" : "--ro-bind");
            args.Add(mount.HostPath);
            args.Add(mount.SandboxPath);
        }
        args.AddRange(
        [
            "--proc", "/proc",
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
