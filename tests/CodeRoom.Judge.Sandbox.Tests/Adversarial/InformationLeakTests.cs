using System.Text.RegularExpressions;

namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>Host secrets, the service's files, other runs' boxes, pid 1's environment and command line, inherited
/// descriptors, and the escape hatches of each language: none shows anything of the host.</summary>
[Collection(nameof(SandboxCollection))]
public sealed class InformationLeakTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    [Fact(Timeout = 60_000)]
    public async Task Host_secrets_and_the_services_files_are_not_there()
    {
        var assemblyDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var result = await _attack.PythonAsync("host_files", null, assemblyDirectory, fixture.CanaryFile, "/tmp/coderoom-test-boxes");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.DoesNotContain(" READ ", result.Stdout);
        Assert.DoesNotContain(" LISTED ", result.Stdout);
        Assert.Contains("/etc/shadow FileNotFoundError", result.Stdout);
        Assert.Contains(assemblyDirectory + " FileNotFoundError", result.Stdout);
        Assert.Contains(fixture.CanaryFile + " FileNotFoundError", result.Stdout);
        Assert.Contains("glob []", result.Stdout);
        Assert.Contains("root ['bin', 'box', 'dev', 'lib', 'lib64', 'proc', 'tmp', 'usr']", result.Stdout);
        // Only the policy's PATH, bwrap's PWD (--chdir) and CPython's LC_CTYPE (PEP 538 locale coercion).
        const string allowed = "('PATH': '/usr/bin:/bin'|'PWD': '/box'|'LC_CTYPE': 'C.UTF-8')";
        Assert.Matches($@"(?m)^env \{{{allowed}(, {allowed})*\}}$", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    /// <summary>Runs host_view.py on the paths and returns each path's answer (the lines after its '== path', without
    /// the trailing newlines).</summary>
    private async Task<(AttackResult Result, Dictionary<string, string> Answers)> HostViewAsync(SandboxLimits limits, params string[] paths)
    {
        var result = await _attack.PythonAsync("host_view", limits, paths);
        Attack.AssertReason(TerminationReason.Exited, result);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in ("\n" + result.Stdout).Split("\n== ", StringSplitOptions.RemoveEmptyEntries))
        {
            var newline = block.IndexOf('\n', StringComparison.Ordinal);
            answers[block[..newline]] = block[(newline + 1)..].TrimEnd('\n');
        }
        Assert.Equal(paths, answers.Keys);
        return (result, answers);
    }

    private static string HostLine(string file, string prefix) =>
        File.ReadLines(file).First(l => l.StartsWith(prefix, StringComparison.Ordinal));

    [Fact(Timeout = 60_000)]
    public async Task Usr_local_and_the_rest_of_the_hosts_usr_are_not_there()
    {
        var (result, answers) = await HostViewAsync(Attack.Limits(), "/usr", "/usr/local", "/usr/local/bin", "/usr/share", "/usr/sbin", "/sbin");
        Assert.Equal("LISTED ['bin', 'include', 'lib', 'lib64']", answers["/usr"]);
        foreach (var path in new[] { "/usr/local", "/usr/local/bin", "/usr/share", "/usr/sbin", "/sbin" })
        {
            Assert.Equal("ERROR FileNotFoundError 2", answers[path]);
        }
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Proc_shows_the_runs_memory_and_no_host_load_memory_uptime_kernel_config_or_command_line()
    {
        var limits = Attack.Limits(memoryMiB: 192);
        var (result, answers) = await HostViewAsync(limits, "/proc/meminfo", "/proc/stat", "/proc/loadavg", "/proc/uptime",
            "/proc/config.gz", "/proc/cmdline", "/proc/pressure");
        // lxcfs-style: the run's memory limit is the machine's memory.
        Assert.StartsWith("READ 252\nMemTotal:         196608 kB\nMemFree:          196608 kB\nMemAvailable:     196608 kB\n", answers["/proc/meminfo"]);
        Assert.DoesNotContain(HostLine("/proc/meminfo", "MemTotal:"), result.Stdout);
        Assert.Contains("\ncpu  0 0 0 0 0 0 0 0 0 0\nintr 0\nctxt 0\nbtime 0\n", answers["/proc/stat"]);
        Assert.DoesNotContain(HostLine("/proc/stat", "btime "), result.Stdout);
        Assert.DoesNotMatch(@"(?m)^cpu\d", answers["/proc/stat"]);
        Assert.Equal("READ 21\n0.00 0.00 0.00 1/1 1", answers["/proc/loadavg"]);
        Assert.Equal("READ 10\n0.00 0.00", answers["/proc/uptime"]);
        foreach (var path in new[] { "/proc/config.gz", "/proc/cmdline" })
        {
            Assert.True(!File.Exists(path) || answers[path] == "READ 0", path + ": " + answers[path]);
        }
        if (File.ReadAllText("/proc/cmdline").Trim() is { Length: > 0 } hostCmdline)
        {
            Assert.DoesNotContain(hostCmdline, result.Stdout);
        }
        Assert.True(!Directory.Exists("/proc/pressure") || answers["/proc/pressure"] == "LISTED []", answers["/proc/pressure"]);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Masked_proc_files_cannot_be_written_unmounted_or_changed()
    {
        var result = await _attack.PythonAsync("proc_masks");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal("""
            write /proc/meminfo errno 30
            chmod /proc/meminfo errno 30
            create /proc/pressure/x errno 30
            umount /proc/meminfo errno 1
            meminfo unchanged True

            """, result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cgroup_and_mountinfo_show_no_host_cgroup_and_only_the_documented_host_paths()
    {
        var (result, answers) = await HostViewAsync(Attack.Limits(), "/proc/self/cgroup", "/proc/self/mountinfo", "/proc/1/cgroup");
        // The cgroup namespace is rooted at the run's own cgroup: no host cgroup path, no cgroup or run name.
        foreach (var cgroup in new[] { answers["/proc/self/cgroup"], answers["/proc/1/cgroup"] })
        {
            var lines = cgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.EndsWith(":/", l));
        }
        Assert.DoesNotContain(fixture.Options.CgroupName, result.Stdout);
        Assert.DoesNotContain("run-", result.Stdout);
        // Column 4 of mountinfo is each mount's root inside its filesystem. What may show (docs/sandbox.md, "What the
        // sandbox shows"): bwrap's own tmpfs (the root, the masked /proc files), the /usr directories, the device nodes
        // bound from the host's /dev, fresh filesystems ("/"), and the box's host directory.
        var roots = answers["/proc/self/mountinfo"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => (Root: l.Split(' ')[3], Target: l.Split(' ')[4])).ToList();
        var box = Assert.Single(roots, r => r.Target == "/box");
        Assert.StartsWith(fixture.Options.BoxRoot + "/box-", box.Root);
        foreach (var (root, target) in roots.Where(r => r.Target != "/box"))
        {
            Assert.True(root is "/" or "/newroot" or "/usr/bin" or "/usr/include" or "/usr/lib" or "/usr/lib64"
                || Regex.IsMatch(root, @"^/bindfile\w+//deleted$") && target.StartsWith("/proc/", StringComparison.Ordinal)
                || Regex.IsMatch(root, "^/(null|zero|full|random|urandom|tty)$") && target == "/dev" + root,
                $"unexpected mount root {root} at {target}");
        }
        Assert.DoesNotContain("/usr/local", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Java_sees_the_runs_figures_and_works_without_the_hosts_usr_share()
    {
        var result = await _attack.JavaAsync("HostViewProbe", Attack.JavaLimits(memoryMiB: 256));
        Attack.AssertReason(TerminationReason.Exited, result);
        // getloadavg() asks sysinfo(2), not /proc/loadavg: the host's load stays visible that way (docs/sandbox.md).
        Assert.Matches(@"loadavg \d+\.\d+\n", result.Stdout);
        Assert.Matches(@"processors [1-9]\d*\n", result.Stdout);
        Assert.Contains("meminfo MemTotal: 262144 kB\n", result.Stdout);
        Assert.Matches(@"cgroup (\d+:[\w=,]*:/,?)+\n", result.Stdout);
        Assert.Contains("/usr/local absent\n", result.Stdout);
        Assert.Contains("/usr/share absent\n", result.Stdout);
        Assert.Contains("/proc/config.gz " + (File.Exists("/proc/config.gz") ? "0" : "absent") + "\n", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Pid_1_shows_an_empty_environment_and_no_bwrap_options()
    {
        var result = await _attack.PythonAsync("proc_1");
        Attack.AssertReason(TerminationReason.Exited, result);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("environ b''", lines[0]);
        Assert.StartsWith("cmdline b'/usr/bin/bwrap\\x00--args\\x0010\\x00--\\x00/usr/bin/python3.11", lines[1]);
        Assert.DoesNotContain("--ro-bind", result.Stdout);
        Assert.DoesNotContain("coderoom-test-boxes", result.Stdout);
        Assert.Equal("self_environ b'PATH=/usr/bin:/bin\\x00PWD=/box\\x00'", lines[2]); // the policy's PATH, bwrap's PWD
        Assert.Equal("pids [1, 2]", lines[3]);
        // One uid mapped, the slot uid; no root inside. (--disable-userns nests a second user namespace, so the second
        // field is relative to bwrap's outer namespace, where it is 0; from the host the process is the slot uid, which
        // the leftover check relies on.)
        Assert.Matches(@"^uid_map '\s+\d{5}\s+\d+\s+1\\n'$", lines[4]);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Other_runs_boxes_cannot_be_listed_or_reached()
    {
        using var other = fixture.Sandbox.CreateBox();
        other.WriteFile("secret.txt", "OTHER-RUN-SECRET");
        var result = await _attack.PythonAsync("other_boxes", null, fixture.Options.BoxRoot, other.Path);
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.DoesNotContain("OTHER-RUN-SECRET", result.Stdout);
        Assert.DoesNotContain("LISTED", result.Stdout);
        Assert.Contains("box ['prog.py']", result.Stdout);
        await _attack.AssertContainedAsync(result);

        // And from the host's side, the box root itself cannot be listed by a slot uid (mode 0711).
        var mode = File.GetUnixFileMode(fixture.Options.BoxRoot);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute
            | UnixFileMode.OtherExecute, mode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Only_descriptors_0_to_3_are_open_in_python()
    {
        var result = await _attack.PythonAsync("fd_leak");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.StartsWith("[0, 1, 2, 3]\n", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Only_descriptors_0_to_3_are_open_in_cpp_and_all_are_pipes()
    {
        var result = await _attack.CppAsync("fd_leak");
        Attack.AssertReason(TerminationReason.Exited, result);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
        Assert.Equal(["0", "1", "2", "3"], lines.Select(l => l.Split(' ')[0]));
        Assert.All(lines, l => Assert.Matches(@"^\d pipe:\[\d+\]$", l));
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Python_os_system_and_subprocess_run_inside_the_same_empty_sandbox()
    {
        var result = await _attack.PythonAsync("subprocess_os", Attack.Limits(cpuSeconds: 2));
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Matches(@"system uid=\d{5}\n", result.Stdout);
        Assert.Contains("cat: /etc/shadow: No such file or directory", result.Stdout);
        Assert.Contains("ls: cannot access '/work'", result.Stdout);
        Assert.Contains("ls: cannot access '/root'", result.Stdout);
        Assert.DoesNotContain("CODEROOM", result.Stdout);
        // The child sees the same namespace: its parent is this program, pid 2 at most a few steps from pid 1.
        Assert.Matches(@"child \d{5} \d+\n", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Java_reflection_works_but_sees_only_the_sandbox()
    {
        var result = await _attack.JavaAsync("ReflectionProbe");
        Attack.AssertReason(TerminationReason.Exited, result);
        const string allowed = "(PATH=/usr/bin:/bin|PWD=/box)";
        Assert.Matches($@"(?m)^env \{{{allowed}(, {allowed})*\}}$", result.Stdout);
        Assert.Contains("/etc/shadow NoSuchFileException", result.Stdout);
        Assert.Contains("/root/.bashrc NoSuchFileException", result.Stdout);
        Assert.Contains("/work NoSuchFileException", result.Stdout);
        Assert.Contains("/proc/1/environ READ \n", result.Stdout);
        // Only the sandbox's own processes: bwrap's pid 1 and the JVM.
        Assert.Contains("processes 2\n", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Java_processbuilder_runs_but_inside_the_same_sandbox()
    {
        var result = await _attack.JavaAsync("ProcessBuilderProbe");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Matches(@"uid=\d{5}\n", result.Stdout);
        Assert.Contains("cat: /etc/shadow: No such file or directory", result.Stdout);
        Assert.Contains("ls: cannot access '/work'", result.Stdout);
        Assert.Contains("OSError: [Errno 97] Address family not supported by protocol", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }
}
