namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>Output floods, filling /tmp and /dev/shm, huge files, inode exhaustion, writes outside /tmp and state that
/// tries to survive into the next run.</summary>
[Collection(nameof(SandboxCollection))]
public sealed class OutputAndFilesystemTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    private static void AssertOutputCut(AttackResult result, bool stdout)
    {
        Attack.AssertReason(TerminationReason.OutputLimit, result);
        Assert.Equal(stdout, result.Outcome.StdoutTruncated);
        Assert.Equal(!stdout, result.Outcome.StderrTruncated);
        Assert.Equal(result.Limits.OutputBytes, (stdout ? result.Outcome.Stdout : result.Outcome.Stderr).Length);
        // A flood is stopped early, not at the CPU limit.
        Assert.True(result.Outcome.CpuTime < result.Limits.CpuTime, result.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_python_stdout_flood_is_cut_at_the_cap_while_an_honest_run_succeeds()
    {
        var honest = _attack.HonestAsync();
        var result = await _attack.PythonAsync("stdout_flood");
        AssertOutputCut(result, stdout: true);
        await _attack.AssertHonestAsync(honest);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_stdout_flood_in_large_writes_is_cut_at_the_cap()
    {
        var result = await _attack.CppAsync("stdout_flood");
        AssertOutputCut(result, stdout: true);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_stderr_flood_is_cut_at_the_cap()
    {
        var result = await _attack.CppAsync("stderr_flood");
        AssertOutputCut(result, stdout: false);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_python_stderr_flood_is_cut_at_the_cap()
    {
        var result = await _attack.PythonAsync("stderr_flood");
        AssertOutputCut(result, stdout: false);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Filling_tmp_stops_with_enospc_at_the_tmpfs_size()
    {
        var limits = Attack.Limits() with { TmpBytes = 16L << 20, FileSizeBytes = 1L << 30 };
        var result = await _attack.PythonAsync("tmp_fill", limits);
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Matches(@"^stopped ENOSPC 1[56]\n$", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_huge_file_dies_of_sigxfsz_at_the_file_size_limit()
    {
        var limits = Attack.Limits() with { FileSizeBytes = 8L << 20 };
        var result = await _attack.CppAsync("huge_file", limits);
        Attack.AssertReason(TerminationReason.Signaled, result);
        Assert.Equal(25, result.Outcome.Signal); // SIGXFSZ
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Creating_files_without_end_in_tmp_is_stopped_by_a_limit()
    {
        var limits = Attack.Limits(cpuSeconds: 2, memoryMiB: 64) with { TmpBytes = 16L << 20 };
        var result = await _attack.PythonAsync("many_files", limits);
        // Every inode costs tmpfs and kernel memory charged to the run: the tmpfs size, the memory cgroup or the CPU
        // limit ends it, whichever comes first; none of them may let the host run out of inodes or memory.
        Assert.True(result.Outcome.Reason is TerminationReason.CpuTimeLimit or TerminationReason.MemoryLimit
            || (result.Outcome.Reason == TerminationReason.Exited && result.Stdout.StartsWith("stopped ENOSPC", StringComparison.Ordinal)),
            result.ToString());
        Attack.AssertWithinLimits(result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Filling_dev_shm_stops_with_enospc_at_its_size()
    {
        var result = await _attack.PythonAsync("shm_fill", Attack.Limits() with { ShmBytes = 8L << 20 });
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Matches(@"^stopped ENOSPC [78]\n$", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Writing_outside_tmp_fails_with_erofs_or_eacces_in_cpp()
    {
        var result = await _attack.CppAsync("write_outside");
        Attack.AssertReason(TerminationReason.Exited, result);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l.Split(' ')[0], l => l.Split(' ')[1]);
        foreach (var (what, error) in lines)
        {
            if (what == "write_/tmp/ok")
            {
                Assert.Equal("OK", error);
            }
            else
            {
                Assert.True(error is "EROFS" or "EACCES" or "EPERM" or "ENOENT", $"{what}: {error}\n{result}");
            }
        }
        Assert.Equal("EROFS", lines["write_/box/x"]);
        Assert.Equal("EROFS", lines["write_/usr/bin/x"]);
        Assert.Equal("EROFS", lines["write_/x"]);
        // /dev is bwrap's own tmpfs: it must not be a second, unsized /tmp.
        Assert.Equal("EROFS", lines["write_/dev/x"]);
        Assert.Equal(15, lines.Count);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Writing_outside_tmp_fails_in_java_and_destroying_the_parent_does_nothing()
    {
        var result = await _attack.JavaAsync("JavaWriteOutside");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Contains("/x FileSystemException", result.Stdout);
        Assert.Contains("/usr/x FileSystemException", result.Stdout);
        Assert.Contains("/box/x FileSystemException", result.Stdout);
        Assert.Contains("/tmp/ok WRITTEN", result.Stdout);
        Assert.EndsWith("survived\n", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Files_in_tmp_and_dev_shm_do_not_survive_into_the_next_run()
    {
        var first = await _attack.PythonAsync("persistence", null, "write");
        Attack.AssertReason(TerminationReason.Exited, first);
        Assert.Contains("/tmp/persist WRITTEN", first.Stdout);
        Assert.Contains("/dev/shm/persist WRITTEN", first.Stdout);
        Assert.Contains("/box/persist OSError", first.Stdout); // read-only during a run
        await _attack.AssertContainedAsync(first);

        var second = await _attack.PythonAsync("persistence", null, "check");
        Attack.AssertReason(TerminationReason.Exited, second);
        Assert.Equal("/tmp/persist absent\n/dev/shm/persist absent\n/box/persist absent\n", second.Stdout);
        await _attack.AssertContainedAsync(second);
    }

    [Fact(Timeout = 60_000)]
    public async Task Sysv_shared_memory_does_not_survive_into_the_next_run()
    {
        var first = await _attack.CppAsync("shm_persist", null, "write");
        Attack.AssertReason(TerminationReason.Exited, first);
        Assert.Equal("shmget_create OK\nmsgget_create OK\n", first.Stdout);
        await _attack.AssertContainedAsync(first);

        var second = await _attack.CppAsync("shm_persist", null, "read");
        Attack.AssertReason(TerminationReason.Exited, second);
        Assert.Equal("shmget_existing ENOENT\nmsgget_existing ENOENT\n", second.Stdout);
        await _attack.AssertContainedAsync(second);
    }
}
