namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>Fork, thread, memory and CPU bombs, and sleepers: each ends in its limit's verdict, in time, leaving nothing.</summary>
[Collection(nameof(SandboxCollection))]
public sealed class ResourceBombTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_fork_bomb_is_held_by_the_pids_limit_and_killed_at_the_cpu_limit_while_an_honest_run_succeeds()
    {
        var honest = _attack.HonestAsync();
        var result = await _attack.CppAsync("fork_bomb");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertHonestAsync(honest);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_python_fork_bomb_is_held_by_the_pids_limit_and_killed_at_the_cpu_limit()
    {
        var result = await _attack.PythonAsync("fork_bomb");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_thread_bomb_is_killed_at_the_cpu_limit()
    {
        var result = await _attack.CppAsync("thread_bomb");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_java_thread_bomb_is_held_by_the_pids_limit_and_killed_at_the_cpu_limit_while_an_honest_run_succeeds()
    {
        var honest = _attack.HonestAsync();
        // -Xlog:disable: the JVM warns on stdout for every thread it fails to start.
        var result = await _attack.JavaAsync("ThreadBomb", jvmOptions: ["-Xlog:disable"]);
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertHonestAsync(honest);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_new_bomb_gets_memory_limit_while_an_honest_run_succeeds()
    {
        var honest = _attack.HonestAsync();
        var result = await _attack.CppAsync("new_bomb", Attack.Limits(memoryMiB: 64));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        Assert.InRange(result.Outcome.PeakMemoryBytes, 56L << 20, 65L << 20);
        await _attack.AssertHonestAsync(honest);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_malloc_bomb_gets_memory_limit()
    {
        var result = await _attack.CppAsync("malloc_bomb", Attack.Limits(memoryMiB: 64));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        Assert.DoesNotContain("NULL", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_mmap_of_64_gib_is_allowed_but_touching_it_gets_memory_limit()
    {
        var result = await _attack.CppAsync("mmap_bomb", Attack.Limits(memoryMiB: 64));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        Assert.DoesNotContain("touched", result.Stdout);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_stack_overflow_dies_of_sigsegv_at_the_stack_limit()
    {
        var limits = Attack.Limits() with { StackBytes = 32L << 20 };
        var result = await _attack.CppAsync("stack_bomb", limits);
        Attack.AssertReason(TerminationReason.Signaled, result);
        Assert.Equal(11, result.Outcome.Signal);
        Assert.InRange(result.Outcome.PeakMemoryBytes, 30L << 20, 64L << 20);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_python_list_growth_gets_memory_limit()
    {
        var result = await _attack.PythonAsync("memory_bomb", Attack.Limits(memoryMiB: 64));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        Assert.InRange(result.Outcome.PeakMemoryBytes, 56L << 20, 65L << 20);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_python_runaway_recursion_is_stopped_by_a_limit()
    {
        // CPython 3.11 keeps Python-to-Python calls off the C stack: the frames grow on the heap until the cgroup says no.
        var result = await _attack.PythonAsync("recursion", Attack.Limits(cpuSeconds: 2, memoryMiB: 64));
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_java_heap_bomb_without_xmx_gets_memory_limit_from_the_cgroup()
    {
        var result = await _attack.JavaAsync("HeapBomb");
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_java_heap_bomb_under_xmx_ends_in_an_out_of_memory_error()
    {
        var result = await _attack.JavaAsync("HeapBomb", jvmOptions: ["-Xmx64m"]);
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal(1, result.Outcome.ExitCode);
        Assert.Contains("java.lang.OutOfMemoryError: Java heap space", result.Stderr);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_java_off_heap_direct_buffer_bomb_gets_memory_limit()
    {
        // No -Xmx: MaxDirectMemorySize then defaults to the (host-sized) max heap, far above the cgroup limit.
        var result = await _attack.JavaAsync("DirectBomb");
        Attack.AssertReason(TerminationReason.MemoryLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_endless_loop_is_killed_at_the_cpu_limit()
    {
        var result = await _attack.CppAsync("infinite_loop");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        Assert.True(result.Outcome.CpuTime >= TimeSpan.FromSeconds(1));
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_loop_that_ignores_sigxcpu_is_still_killed_at_the_cpu_limit()
    {
        var result = await _attack.CppAsync("ignore_sigxcpu");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_python_endless_loop_is_killed_at_the_cpu_limit()
    {
        var result = await _attack.PythonAsync("infinite_loop");
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        Assert.True(result.Outcome.CpuTime >= TimeSpan.FromSeconds(1));
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_java_endless_loop_is_killed_at_the_cpu_limit()
    {
        var result = await _attack.JavaAsync("InfiniteLoop", Attack.JavaLimits(cpuSeconds: 2));
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task Eight_spinning_cpp_threads_reach_the_cpu_limit_before_the_wall_limit_while_an_honest_run_succeeds()
    {
        var honest = _attack.HonestAsync();
        var result = await _attack.CppAsync("spin_threads", Attack.Limits(cpuSeconds: 1.5, wallSeconds: 15));
        Attack.AssertReason(TerminationReason.CpuTimeLimit, result);
        Assert.True(result.Outcome.CpuTime >= TimeSpan.FromSeconds(1.5));
        await _attack.AssertHonestAsync(honest);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_sleeping_cpp_program_is_killed_at_the_wall_limit_with_almost_no_cpu()
    {
        var result = await _attack.CppAsync("sleeper", Attack.Limits(wallSeconds: 2));
        Attack.AssertReason(TerminationReason.WallTimeLimit, result);
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(2));
        Assert.True(result.Outcome.CpuTime < TimeSpan.FromMilliseconds(200), result.ToString());
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_sleeping_python_program_is_killed_at_the_wall_limit_with_almost_no_cpu()
    {
        var result = await _attack.PythonAsync("sleeper", Attack.Limits(wallSeconds: 2));
        Attack.AssertReason(TerminationReason.WallTimeLimit, result);
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(2));
        Assert.True(result.Outcome.CpuTime < TimeSpan.FromMilliseconds(300), result.ToString());
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_sleeping_java_program_is_killed_at_the_wall_limit()
    {
        var result = await _attack.JavaAsync("Sleeper", Attack.JavaLimits(wallSeconds: 4));
        Attack.AssertReason(TerminationReason.WallTimeLimit, result);
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(4));
        // Only the JVM's start-up burns CPU.
        Assert.True(result.Outcome.CpuTime < TimeSpan.FromSeconds(2), result.ToString());
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_daemon_that_double_forks_and_ignores_sighup_dies_with_its_run()
    {
        var result = await _attack.CppAsync("daemon");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal(0, result.Outcome.ExitCode);
        Assert.Equal("parent exits\n", result.Stdout);
        // The run ends when the parent exits: the daemon does not hold it open until the wall limit.
        Assert.True(result.Elapsed < result.Limits.WallTime / 2, result.ToString());
        await _attack.AssertContainedAsync(result);
    }
}
