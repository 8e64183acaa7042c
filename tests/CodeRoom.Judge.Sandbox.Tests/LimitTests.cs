using System.Diagnostics;
using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests;

[Collection(nameof(SandboxCollection))]
public sealed class LimitTests(SandboxFixture fixture)
{
    private const string Python = "/usr/bin/python3.11";

    // A generous wall limit: CPU-bound tests must end on the CPU limit even when other work shares the two cores.
    private static readonly SandboxLimits DefaultLimits = new() { CpuTime = TimeSpan.FromSeconds(1), WallTime = TimeSpan.FromSeconds(10) };

    private Task<SandboxOutcome> RunPython(string code, SandboxLimits? limits = null)
    {
        var box = fixture.Sandbox.CreateBox();
        return RunAndDispose(box, new SandboxSpec
        {
            Command = [Python, "-S", "-c", code],
            WorkingDirectory = box.Path,
            Limits = limits ?? DefaultLimits,
        });
    }

    private async Task<SandboxOutcome> RunAndDispose(SandboxBox box, SandboxSpec spec)
    {
        using (box)
        {
            return await fixture.Sandbox.RunAsync(spec, TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task An_endless_loop_is_killed_at_the_cpu_limit()
    {
        var clock = Stopwatch.StartNew();
        var outcome = await RunPython("while True: pass");
        Assert.Equal(TerminationReason.CpuTimeLimit, outcome.Reason);
        Assert.InRange(outcome.CpuTime.TotalMilliseconds, 1000, 1300);
        // Wall time only bounds the kill latency loosely: other work may share these two cores.
        Assert.InRange(clock.ElapsedMilliseconds, 900, 10_000);
    }

    [Fact(Timeout = 30_000)]
    public async Task Sleeping_code_is_killed_at_the_wall_limit()
    {
        var outcome = await RunPython("import time; time.sleep(100)", DefaultLimits with { WallTime = TimeSpan.FromSeconds(3) });
        Assert.Equal(TerminationReason.WallTimeLimit, outcome.Reason);
        Assert.InRange(outcome.WallTime.TotalMilliseconds, 2900, 4500);
        Assert.True(outcome.CpuTime < TimeSpan.FromMilliseconds(300));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_memory_bomb_gets_memory_limit_from_the_cgroup()
    {
        var outcome = await RunPython("a=[]\nwhile True: a.append(bytearray(1<<20))",
            new SandboxLimits { MemoryBytes = 64L << 20, CpuTime = TimeSpan.FromSeconds(3), WallTime = TimeSpan.FromSeconds(6) });
        Assert.Equal(TerminationReason.MemoryLimit, outcome.Reason);
        Assert.InRange(outcome.PeakMemoryBytes, 60L << 20, 65L << 20);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_output_flood_is_cut_at_the_cap_and_reported()
    {
        var outcome = await RunPython("while True: print('x'*1000)");
        Assert.Equal(TerminationReason.OutputLimit, outcome.Reason);
        Assert.True(outcome.StdoutTruncated);
        Assert.Equal(new SandboxLimits().OutputBytes, outcome.Stdout.Length);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_fork_bomb_is_contained_by_the_pids_limit_and_leaves_nothing_behind()
    {
        var outcome = await RunPython("""
            import os
            while True:
                try: os.fork()
                except OSError: pass
            """);
        Assert.Equal(TerminationReason.CpuTimeLimit, outcome.Reason);
        Assert.Empty(await LeftoverProcessesAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_daemon_that_double_forks_and_calls_setsid_does_not_outlive_the_run()
    {
        var outcome = await RunPython("""
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(1000)
            print('parent done')
            """);
        Assert.True(outcome.Succeeded);
        Assert.Empty(await LeftoverProcessesAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task The_exit_code_and_the_death_by_signal_are_reported()
    {
        var exited = await RunPython("import sys; sys.exit(3)");
        Assert.Equal(TerminationReason.Exited, exited.Reason);
        Assert.Equal(3, exited.ExitCode);
        var crashed = await RunPython("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)");
        Assert.Equal(TerminationReason.Signaled, crashed.Reason);
        Assert.Equal(11, crashed.Signal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Host_secrets_and_files_are_not_visible()
    {
        var outcome = await RunPython("""
            import os
            for p in ['/etc/shadow', '/etc/passwd', '/root', '/home', '/proc/1/environ', '/var/lib/postgresql', '/work']:
                try:
                    data = open(p).read() if not os.path.isdir(p) else str(os.listdir(p))
                    print(p, 'READ', repr(data[:80]))
                except Exception as e:
                    print(p, type(e).__name__)
            print(open('/proc/1/cmdline').read().replace('\0', ' '))
            """);
        var text = Encoding.UTF8.GetString(outcome.Stdout);
        Assert.True(outcome.Succeeded, text + Encoding.UTF8.GetString(outcome.Stderr));
        Assert.DoesNotContain("/etc/shadow READ", text);
        Assert.DoesNotContain("/etc/passwd READ", text);
        Assert.DoesNotContain("/root READ", text);
        Assert.DoesNotContain("/work READ", text);
        Assert.Contains("/proc/1/environ READ ''", text); // readable, but empty: bwrap started with no environment
        Assert.DoesNotContain("--ro-bind", text); // options went through --args, not the command line
    }

    [Fact(Timeout = 30_000)]
    public async Task There_is_no_network()
    {
        var outcome = await RunPython("""
            import socket
            for family in (socket.AF_INET, socket.AF_INET6):
                try:
                    socket.socket(family, socket.SOCK_STREAM)
                    print('socket created')
                except OSError as e:
                    print('denied', e.errno)
            """);
        var text = Encoding.UTF8.GetString(outcome.Stdout);
        Assert.DoesNotContain("socket created", text);
        Assert.Contains("denied 97", text);
    }

    private Task<List<int>> LeftoverProcessesAsync() => Leftovers.ProcessesAsync(fixture.Options);
}
