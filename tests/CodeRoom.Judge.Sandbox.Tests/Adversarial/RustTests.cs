namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>
/// Rust programs as the judge builds them (Debian's rustc, static std, gold): std::process, std::net, host files and
/// the environment, thread, memory and output bombs, `unsafe` raw pointer writes and libc through `extern "C"` all
/// stay inside the sandbox and its limits.
/// </summary>
[Collection(nameof(SandboxCollection))]
public sealed class RustTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    [Fact(Timeout = 120_000)]
    public async Task A_spawned_process_runs_inside_the_same_empty_sandbox()
    {
        var result = await _attack.RustAsync("process_spawn", Attack.Limits(cpuSeconds: 3));
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Matches(@"exec uid=\d{5}\n", result.Stdout);
        Assert.Contains("cat: /etc/shadow: No such file or directory", result.Stdout);
        Assert.Contains("ls: cannot access '/work'", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Tcp_udp_and_dns_fail_before_any_packet_leaves()
    {
        var result = await _attack.RustAsync("network", Attack.Limits(cpuSeconds: 3));
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.DoesNotContain("CONNECTED", result.Stdout);
        Assert.DoesNotContain("resolved", result.Stdout);
        Assert.DoesNotContain("udp bound, send Ok", result.Stdout);
        Assert.Contains("1.1.1.1:80 ", result.Stdout);
        Assert.Contains("127.0.0.1:5432 ", result.Stdout);
        Assert.Contains("dns ", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Host_secrets_the_service_files_and_the_environment_are_not_there()
    {
        var assemblyDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var result = await _attack.RustAsync("host_files", null, assemblyDirectory, fixture.CanaryFile);
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.DoesNotContain(" READ ", result.Stdout);
        Assert.DoesNotContain(" LISTED ", result.Stdout);
        Assert.Contains("/etc/shadow NotFound", result.Stdout);
        Assert.Contains(assemblyDirectory + " NotFound", result.Stdout);
        Assert.Contains(fixture.CanaryFile + " NotFound", result.Stdout);
        Assert.Contains("root bin,box,dev,lib,lib64,proc,tmp,usr", result.Stdout);
        Assert.Matches(@"(?m)^env \[((PATH|PWD),?)*\]$", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_thread_bomb_is_held_by_the_pids_limit_and_killed_at_the_cpu_limit()
    {
        var result = await _attack.RustAsync("thread_bomb");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Growing_memory_is_a_memory_limit()
    {
        var result = await _attack.RustAsync("memory_bomb", Attack.Limits(cpuSeconds: 5, memoryMiB: 128));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_stdout_flood_is_cut_at_the_cap()
    {
        var result = await _attack.RustAsync("stdout_flood");
        Attack.AssertReason(TerminationReason.OutputLimit, result);
        Assert.True(result.Outcome.StdoutTruncated, result.ToString());
        await _attack.AssertContainedAsync(result);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("wild")]
    [InlineData("null")]
    public async Task Unsafe_raw_pointer_writes_end_in_a_segfault_inside_the_box(string target)
    {
        var result = await _attack.RustAsync("raw_pointers", null, target);
        Attack.AssertReason(TerminationReason.Signaled, result);
        Assert.Equal(11, result.Outcome.Signal);
        Assert.DoesNotContain("survived", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Libc_through_extern_C_cannot_open_sockets_trace_unshare_mount_or_fork_past_the_pids_limit()
    {
        var result = await _attack.RustAsync("libc_syscalls", Attack.Limits(cpuSeconds: 3, wallSeconds: 8));
        Assert.True(result.Outcome.Reason is TerminationReason.Exited or TerminationReason.WallTimeLimit, result.ToString());
        Attack.AssertWithinLimits(result);
        // socket(AF_INET) is refused (EAFNOSUPPORT, 97) by the seccomp policy, netlink too; ptrace, unshare and mount
        // fail with an errno; fork stops at the pids limit.
        Assert.Matches(@"socket inet -1 \d+", result.Stdout);
        Assert.Matches(@"socket netlink -1 \d+", result.Stdout);
        Assert.Matches(@"ptrace attach -1 \d+", result.Stdout);
        Assert.Matches(@"unshare user -1 \d+", result.Stdout);
        Assert.Matches(@"mount -1 \d+", result.Stdout);
        var forked = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Stdout, @"forked (\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(forked < result.Limits.MaxProcesses, result.ToString());
        await _attack.AssertContainedAsync(result);
    }
}
