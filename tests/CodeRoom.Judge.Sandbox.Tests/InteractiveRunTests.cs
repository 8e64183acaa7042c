using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>Runs whose stdin the caller feeds while they run (a judge's one-input-at-a-time protocol), with laps
/// timed by the supervisor, a stop, and a cap on control lines.</summary>
[Collection(nameof(SandboxCollection))]
public sealed class InteractiveRunTests(SandboxFixture fixture)
{
    /// <summary>Answers each stdin line on fd 3; "spin", "sleep" and "flood" misbehave.</summary>
    private const string Echo = """
        import os, sys
        ctl = os.fdopen(3, "w", buffering=1)
        ctl.write("H\n")
        for line in sys.stdin:
            cmd = line.strip()
            if cmd == "spin":
                while True: pass
            if cmd == "sleep":
                import time; time.sleep(100)
            if cmd == "flood":
                ctl.write("x" * (1 << 20) + "\n")
            ctl.write("got " + cmd + "\n")
        ctl.write("eof\n")
        """;

    private async Task<(SandboxOutcome Outcome, List<string> Lines)> RunAsync(string[] inputs, int controlLineBytes = 1 << 20,
        double lapCpuSeconds = 1, double lapWallSeconds = 5, bool stopAfterFirst = false)
    {
        using var box = fixture.Sandbox.CreateBox();
        var lines = new List<string>();
        var next = 0;
        void Feed(ISandboxMonitor monitor)
        {
            if (next == inputs.Length)
            {
                monitor.CloseInput();
                return;
            }
            monitor.StartLap(next.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(lapCpuSeconds),
                TimeSpan.FromSeconds(lapWallSeconds));
            monitor.Send(Encoding.ASCII.GetBytes(inputs[next++] + "\n"));
        }
        var outcome = await fixture.Sandbox.RunAsync(new SandboxSpec
        {
            Command = ["/usr/bin/python3.11", "-S", "-u", "-c", Echo],
            WorkingDirectory = box.Path,
            KeepStdinOpen = true,
            Limits = new SandboxLimits { CpuTime = TimeSpan.FromSeconds(10), WallTime = TimeSpan.FromSeconds(20), ControlLineBytes = controlLineBytes },
            OnControlLine = (line, monitor) =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }
                if (line == "H" || line.StartsWith("got ", StringComparison.Ordinal))
                {
                    if (line != "H")
                    {
                        monitor.EndLap();
                        if (stopAfterFirst)
                        {
                            monitor.Stop();
                            return;
                        }
                    }
                    Feed(monitor);
                }
            },
        }, TestContext.Current.CancellationToken);
        return (outcome, lines);
    }

    [Fact]
    public async Task The_caller_feeds_one_line_at_a_time_and_closes_stdin_when_done()
    {
        var (outcome, lines) = await RunAsync(["a", "b", "c"]);
        Assert.Equal(TerminationReason.Exited, outcome.Reason);
        Assert.Equal(["H", "got a", "got b", "got c", "eof"], lines);
        Assert.Equal(3, outcome.Laps.Count);
        Assert.All(outcome.Laps, lap => Assert.True(lap.WallTime > TimeSpan.Zero));
    }

    [Fact]
    public async Task A_lap_over_its_cpu_budget_is_killed_and_named()
    {
        var (outcome, _) = await RunAsync(["a", "spin", "c"], lapCpuSeconds: 0.3);
        Assert.Equal(TerminationReason.CpuTimeLimit, outcome.Reason);
        Assert.Equal("1", outcome.KilledInLap);
        Assert.True(outcome.CpuTime < TimeSpan.FromSeconds(2), $"cpu {outcome.CpuTime}");
    }

    [Fact]
    public async Task A_lap_over_its_wall_budget_is_killed_as_a_wall_time_limit()
    {
        var (outcome, _) = await RunAsync(["sleep"], lapWallSeconds: 0.5);
        Assert.Equal(TerminationReason.WallTimeLimit, outcome.Reason);
        Assert.Equal("0", outcome.KilledInLap);
        Assert.True(outcome.WallTime < TimeSpan.FromSeconds(5), $"wall {outcome.WallTime}");
    }

    [Fact]
    public async Task The_caller_can_stop_the_run()
    {
        var (outcome, lines) = await RunAsync(["a", "b"], stopAfterFirst: true);
        Assert.Equal(TerminationReason.Stopped, outcome.Reason);
        Assert.DoesNotContain("got b", lines);
    }

    [Fact]
    public async Task A_control_line_over_the_cap_is_never_handed_on_and_kills_the_run()
    {
        var (outcome, lines) = await RunAsync(["a", "flood", "c"], controlLineBytes: 64 * 1024);
        Assert.Equal(TerminationReason.OutputLimit, outcome.Reason);
        Assert.True(outcome.ControlLineTooLong);
        Assert.All(lines, l => Assert.True(l.Length <= 64 * 1024));
        Assert.DoesNotContain("got c", lines);
    }
}
