namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>
/// Node.js as the judge runs JavaScript and TypeScript (Debian's node, the judge's flags): child processes and worker
/// threads stay in the sandbox and under its pids and CPU limits, no network, no host files, memory and output capped.
/// </summary>
[Collection(nameof(SandboxCollection))]
public sealed class JavaScriptTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    [Fact(Timeout = 60_000)]
    public async Task Child_processes_run_inside_the_same_empty_sandbox()
    {
        var result = await _attack.NodeAsync("child_process", Attack.Limits(cpuSeconds: 3));
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Matches(@"exec uid=\d{5}\n", result.Stdout);
        Assert.Contains("cat: /etc/shadow: No such file or directory", result.Stdout);
        Assert.Contains("ls: cannot access '/work'", result.Stdout);
        Assert.Matches(@"child \d{5} \d+\n", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_spawn_bomb_is_held_by_the_pids_limit_and_killed_at_the_cpu_limit()
    {
        var result = await _attack.NodeAsync("spawn_bomb");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_worker_thread_bomb_is_held_by_the_pids_limit_and_killed_at_the_cpu_limit()
    {
        var result = await _attack.NodeAsync("worker_bomb");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Tcp_and_dns_fail_before_any_packet_leaves()
    {
        var result = await _attack.NodeAsync("network");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.DoesNotContain("CONNECTED", result.Stdout);
        Assert.DoesNotContain("resolved", result.Stdout);
        Assert.Contains("1.1.1.1 80 EAFNOSUPPORT", result.Stdout);
        Assert.Contains("127.0.0.1 5432 EAFNOSUPPORT", result.Stdout);
        Assert.Contains("127.0.0.1 6379 EAFNOSUPPORT", result.Stdout);
        Assert.Contains("dns ", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Host_secrets_the_service_files_and_the_environment_are_not_there()
    {
        var assemblyDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var result = await _attack.NodeAsync("host_files", null, assemblyDirectory, fixture.CanaryFile);
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.DoesNotContain(" READ ", result.Stdout);
        Assert.DoesNotContain(" LISTED ", result.Stdout);
        Assert.Contains("/etc/shadow ENOENT", result.Stdout);
        Assert.Contains(assemblyDirectory + " ENOENT", result.Stdout);
        Assert.Contains(fixture.CanaryFile + " ENOENT", result.Stdout);
        Assert.Contains("root bin,box,dev,lib,lib64,proc,tmp,usr", result.Stdout);
        Assert.Matches(@"(?m)^env \{(""(PATH|PWD)"":""[^""]*"",?)*\}$", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Growing_memory_is_a_memory_limit_not_a_v8_abort()
    {
        var result = await _attack.NodeAsync("memory_bomb", Attack.Limits(cpuSeconds: 5, memoryMiB: 128));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stdout_flood_is_cut_at_the_cap()
    {
        var result = await _attack.NodeAsync("stdout_flood");
        Attack.AssertReason(TerminationReason.OutputLimit, result);
        Assert.True(result.Outcome.StdoutTruncated, result.ToString());
        await _attack.AssertContainedAsync(result);
    }
}
