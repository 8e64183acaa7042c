using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>Sandboxes prepared ahead of time wait at background priority and run at normal priority (SandboxPriority).</summary>
[Collection(nameof(SandboxCollection))]
public sealed class PriorityTests(SandboxFixture fixture)
{
    private const string Program = """
        import os, sys, threading
        sys.stderr.write(f"waiting {os.nice(0)}\n"); sys.stderr.flush()
        sys.stdin.read()
        seen = []
        t = threading.Thread(target=lambda: seen.append(os.nice(0))); t.start(); t.join()
        try:
            os.nice(-1); raised = "raised"
        except PermissionError:
            raised = "refused"
        sys.stderr.write(f"fed {os.nice(0)} thread {seen[0]} {raised}\n")
        """;

    [Fact(Timeout = 60_000)]
    public async Task A_prepared_sandbox_waits_at_background_priority_and_runs_at_normal_priority()
    {
        using var box = fixture.Sandbox.CreateBox();
        var spec = new SandboxSpec
        {
            Command = ["/usr/bin/python3.11", "-S", "-c", Program],
            WorkingDirectory = box.Path,
            Limits = new SandboxLimits { CpuTime = TimeSpan.FromSeconds(5), WallTime = TimeSpan.FromSeconds(20) },
        };
        await using var prepared = await fixture.Sandbox.PrepareStandbyAsync(spec, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // let it reach its stdin
        var outcome = await prepared.RunAsync("go"u8.ToArray(), null, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Reason + Encoding.UTF8.GetString(outcome.Stderr));
        Assert.Equal("waiting 19\nfed 0 thread 0 refused\n", Encoding.UTF8.GetString(outcome.Stderr));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_sandbox_run_at_once_runs_at_normal_priority()
    {
        using var box = fixture.Sandbox.CreateBox();
        var outcome = await fixture.Sandbox.RunAsync(new SandboxSpec
        {
            Command = ["/usr/bin/python3.11", "-S", "-c", Program],
            WorkingDirectory = box.Path,
            Stdin = "go"u8.ToArray(),
            Limits = new SandboxLimits { CpuTime = TimeSpan.FromSeconds(5), WallTime = TimeSpan.FromSeconds(20) },
        }, TestContext.Current.CancellationToken);
        Assert.Equal("waiting 0\nfed 0 thread 0 refused\n", Encoding.UTF8.GetString(outcome.Stderr));
    }
}
