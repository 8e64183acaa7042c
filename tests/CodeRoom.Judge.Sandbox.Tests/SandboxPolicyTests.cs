using System.Runtime.InteropServices;
using CodeRoom.Judge.Sandbox.Native;
using CodeRoom.Judge.Sandbox.Tests.Adversarial;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>
/// Pins the sandbox policy: the exact launcher and bubblewrap arguments for a sample spec (a golden list: any change
/// to the policy must change this file too, in review), and that the seccomp program really denies every syscall
/// Native/Seccomp.cs lists.
/// </summary>
[Collection(nameof(SandboxCollection))]
public sealed partial class SandboxPolicyTests(SandboxFixture fixture)
{
    private static SandboxSpec SampleSpec(bool writable) => new()
    {
        Command = ["/usr/bin/python3.11", "-S", "/box/main.py"],
        WorkingDirectory = "/var/lib/coderoom/boxes/box-0123456789abcdef",
        WorkingDirectoryWritable = writable,
        ExtraMounts = [new("/etc/java-17-openjdk", "/etc/java-17-openjdk"), new("/srv/shared", "/shared", Writable: true)],
        Environment = new Dictionary<string, string> { ["PYTHONHASHSEED"] = "0", ["PATH"] = "/usr/bin" },
        Limits = new SandboxLimits(),
    };

    [Fact(Timeout = 10_000)]
    public void The_launcher_arguments_set_rlimits_then_drop_to_the_slot_uid_then_start_bwrap()
    {
        var args = SandboxPolicy.LauncherArguments(new SandboxOptions(), new SandboxLimits(), 61003);
        Assert.Equal(
        [
            "/usr/bin/prlimit", "--core=0", "--memlock=0", "--cpu=3:3", "--fsize=67108864:67108864", "--nofile=256:256",
            "--stack=268435456:268435456", "--nproc=24:24", "--",
            "/usr/bin/setpriv", "--reuid=61003", "--regid=61003", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
            "--no-new-privs", "--",
            "/usr/bin/bwrap", "--args", "10", "--",
        ], args);
    }

    [Fact(Timeout = 10_000)]
    public void The_cpu_rlimit_is_the_cpu_limit_rounded_up_plus_one_second()
    {
        var args = SandboxPolicy.LauncherArguments(new SandboxOptions(), new SandboxLimits { CpuTime = TimeSpan.FromMilliseconds(500) }, 61000);
        Assert.Contains("--cpu=2:2", args);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(false, "--ro-bind")]
    [InlineData(true, "--bind")]
    public void The_bwrap_arguments_are_exactly_the_golden_list(bool writable, string boxBind)
    {
        var args = SandboxPolicy.BwrapArguments(SampleSpec(writable), _ => true);
        Assert.Equal(
        [
            "--unshare-all", "--unshare-user", "--disable-userns",
            "--die-with-parent",
            "--new-session",
            "--hostname", "sandbox",
            "--clearenv",
            "--ro-bind", "/usr/bin", "/usr/bin",
            "--ro-bind", "/usr/include", "/usr/include",
            "--ro-bind", "/usr/lib", "/usr/lib",
            "--ro-bind", "/usr/lib64", "/usr/lib64",
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
            "--ro-bind", "/etc/java-17-openjdk", "/etc/java-17-openjdk",
            "--bind", "/srv/shared", "/shared",
            "--proc", "/proc",
            "--perms", "0444", "--ro-bind-data", "14", "/proc/meminfo",
            "--perms", "0444", "--ro-bind-data", "15", "/proc/stat",
            "--perms", "0444", "--ro-bind-data", "16", "/proc/loadavg",
            "--perms", "0444", "--ro-bind-data", "17", "/proc/uptime",
            "--perms", "0444", "--ro-bind-data", "18", "/proc/config.gz",
            "--perms", "0444", "--ro-bind-data", "19", "/proc/cmdline",
            "--size", "4096", "--tmpfs", "/proc/pressure", "--remount-ro", "/proc/pressure",
            "--dev", "/dev",
            "--size", "16777216", "--tmpfs", "/dev/shm",
            "--size", "67108864", "--tmpfs", "/tmp",
            "--remount-ro", "/dev",
            boxBind, "/var/lib/coderoom/boxes/box-0123456789abcdef", "/box",
            "--remount-ro", "/",
            "--chdir", "/box",
            "--setenv", "PATH", "/usr/bin",
            "--setenv", "PYTHONHASHSEED", "0",
            "--seccomp", "13",
            "--json-status-fd", "11",
            "--block-fd", "12",
        ], args);
    }

    [Fact(Timeout = 10_000)]
    public void A_kernel_without_config_gz_or_pressure_files_gets_no_mask_for_them()
    {
        // bwrap cannot bind over a /proc entry that does not exist: only what the host's kernel has is masked.
        var args = SandboxPolicy.BwrapArguments(SampleSpec(false), path => path is not ("/proc/config.gz" or "/proc/pressure"));
        Assert.DoesNotContain("/proc/config.gz", args);
        Assert.DoesNotContain("/proc/pressure", args);
        Assert.Contains("/proc/cmdline", args);
        // The descriptors stay dense: the masks after a missing one move down.
        var cmdline = args.ToList().IndexOf("/proc/cmdline");
        Assert.Equal("18", args[cmdline - 1]);
    }

    [Fact(Timeout = 10_000)]
    public void The_masked_files_hold_the_runs_own_figures_and_fit_the_reserved_descriptors()
    {
        var files = SandboxPolicy.MaskedFiles(new SandboxLimits { MemoryBytes = 192L << 20 }, _ => true);
        Assert.Equal(["/proc/meminfo", "/proc/stat", "/proc/loadavg", "/proc/uptime", "/proc/config.gz", "/proc/cmdline"],
            files.Select(f => f.SandboxPath));
        Assert.True(files.Count <= SandboxPolicy.FirstClosedFd - SandboxPolicy.FirstMaskFd);
        var meminfo = files[0].Contents;
        Assert.StartsWith("MemTotal:         196608 kB\nMemFree:          196608 kB\nMemAvailable:     196608 kB\n", meminfo);
        Assert.Contains("SwapTotal:             0 kB\n", meminfo);
        Assert.DoesNotMatch(@"(?m)^cpu\d", files[1].Contents); // processors are counted with sched_getaffinity
        Assert.Equal("", files[4].Contents);
        Assert.Equal("", files[5].Contents);
    }

    [Fact(Timeout = 10_000)]
    public void The_denied_syscall_list_is_pinned()
    {
        Assert.Equal(
        [
            "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
            "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick",
            "mount_setattr", "unshare", "setns", "bpf", "perf_event_open", "userfaultfd",
            "keyctl", "add_key", "request_key",
            "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
            "io_uring_setup", "io_uring_enter", "io_uring_register",
            "personality", "open_by_handle_at", "name_to_handle_at", "acct", "swapon", "swapoff", "reboot",
            "sethostname", "setdomainname", "iopl", "ioperm", "syslog", "quotactl", "lookup_dcookie",
            "fanotify_init", "nfsservctl", "vhangup", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
        ], Seccomp.DeniedSyscalls);
    }

    [LibraryImport("libseccomp.so.2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int seccomp_syscall_resolve_name(string name);

    [Fact(Timeout = 60_000)]
    public async Task Every_syscall_the_seccomp_filter_lists_fails_with_eperm_inside_the_sandbox()
    {
        // With all-zero arguments. Several of these would succeed or fail differently without the filter
        // (personality(0) returns the persona, removed syscalls such as nfsservctl return ENOSYS, kcmp ESRCH, io_uring_setup
        // EFAULT): EPERM for every one is the filter's answer. getpid is the control that is allowed.
        var numbers = Seccomp.DeniedSyscalls.Select(name => (Name: name, Nr: seccomp_syscall_resolve_name(name)))
            .Where(s => s.Nr >= 0).ToList();
        Assert.True(numbers.Count >= Seccomp.DeniedSyscalls.Length - 2, "most names must resolve on x86_64");
        var attack = new Attack(fixture);
        var getpid = seccomp_syscall_resolve_name("getpid");
        var result = await attack.CppAsync("seccomp_denied", null, [.. numbers.Select(s => s.Nr.ToString()), getpid.ToString()]);
        Attack.AssertReason(TerminationReason.Exited, result);
        var results = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(l => int.Parse(l.Split(' ')[0]), l => l.Split(' ')[1]);
        foreach (var (name, nr) in numbers)
        {
            Assert.True(results[nr] == "EPERM", $"{name} ({nr}): {results[nr]}");
        }
        Assert.Equal("OK", results[getpid]);
        await attack.AssertContainedAsync(result);
    }
}
