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
        Assert.Contains("root ['bin', 'box', 'dev', 'lib', 'lib64', 'proc', 'sbin', 'tmp', 'usr']", result.Stdout);
        // Only the policy's PATH, bwrap's PWD (--chdir) and CPython's LC_CTYPE (PEP 538 locale coercion).
        const string allowed = "('PATH': '/usr/bin:/bin'|'PWD': '/box'|'LC_CTYPE': 'C.UTF-8')";
        Assert.Matches($@"(?m)^env \{{{allowed}(, {allowed})*\}}$", result.Stdout);
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
        Assert.Matches(@"^uid_map '\s+6\d{4}\s+\d+\s+1\\n'$", lines[4]);
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
        Assert.Matches(@"system uid=6\d{4}\n", result.Stdout);
        Assert.Contains("cat: /etc/shadow: No such file or directory", result.Stdout);
        Assert.Contains("ls: cannot access '/work'", result.Stdout);
        Assert.Contains("ls: cannot access '/root'", result.Stdout);
        Assert.DoesNotContain("CODEROOM", result.Stdout);
        // The child sees the same namespace: its parent is this program, pid 2 at most a few steps from pid 1.
        Assert.Matches(@"child 6\d{4} \d+\n", result.Stdout);
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
        Assert.Matches(@"uid=6\d{4}\n", result.Stdout);
        Assert.Contains("cat: /etc/shadow: No such file or directory", result.Stdout);
        Assert.Contains("ls: cannot access '/work'", result.Stdout);
        Assert.Contains("OSError: [Errno 97] Address family not supported by protocol", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }
}
