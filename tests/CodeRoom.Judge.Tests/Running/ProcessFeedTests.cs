using System.Text;
using CodeRoom.Judge.Running;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Tests.Running;

/// <summary>The supervisor's side of the protocol, against a recording monitor: inputs one at a time, the clock
/// started before each input, any line out of protocol stops the process.</summary>
public sealed class ProcessFeedTests
{
    private sealed class RecordingMonitor : ISandboxMonitor
    {
        public List<string> Events { get; } = [];
        public TimeSpan CpuTime { get; set; }
        public TimeSpan LapCpu { get; set; }

        public void StartLap(string name, TimeSpan cpuBudget) => StartLap(name, cpuBudget, cpuBudget * 3);

        public void StartLap(string name, TimeSpan cpuBudget, TimeSpan wallBudget) =>
            Events.Add($"lap {name} {cpuBudget.TotalMilliseconds:0}");

        public LapMeasurement EndLap()
        {
            Events.Add("end");
            return new LapMeasurement("", LapCpu, 0);
        }

        public long ShadowBytes() => 0;
        public void Send(ReadOnlyMemory<byte> bytes) => Events.Add("send " + Encoding.UTF8.GetString(bytes.Span).TrimEnd());
        public void CloseInput() => Events.Add("close");
        public void Stop() => Events.Add("stop");
    }

    private static ProcessFeed Feed(bool announces = true, int tests = 2, double budgetMs = 2000) => new(new FeedPlan(
        Enumerable.Range(0, tests).ToList(),
        i => Encoding.UTF8.GetBytes($"{i}\t[{i}]\n"),
        _ => TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(50),
        TimeSpan.FromMilliseconds(budgetMs),
        announces));

    [Fact]
    public void Each_input_is_handed_over_only_after_the_previous_result_and_after_its_clock_started()
    {
        var feed = Feed();
        var monitor = new RecordingMonitor();
        feed.OnStarted(monitor);
        Assert.Empty(monitor.Events); // a harness that announces itself gets nothing before H
        feed.OnLine("H", monitor);
        feed.OnLine("""R 0 {"ok":true,"value":1}""", monitor);
        feed.OnLine("""R 1 {"ok":true,"value":2}""", monitor);
        Assert.Equal(["lap 0 150", "send 0\t[0]", "end", "lap 1 100", "send 1\t[1]", "end", "close"], monitor.Events);
        Assert.Equal(2, feed.Results.Count);
        Assert.Null(feed.Violation);
    }

    [Fact]
    public void A_harness_that_cannot_announce_itself_gets_its_first_input_at_the_feed()
    {
        var feed = Feed(announces: false, tests: 1);
        var monitor = new RecordingMonitor();
        feed.OnStarted(monitor);
        Assert.Equal(["lap 0 150", "send 0\t[0]"], monitor.Events);
        feed.OnLine("H", monitor);
        Assert.NotNull(feed.Violation);
    }

    [Theory]
    [InlineData("S 0")]
    [InlineData("H")]
    [InlineData("""R 1 {"ok":true,"value":1}""")]
    [InlineData("""R 0 {"ok":false,"kind":5}""")]
    [InlineData("T 1 1f")]
    [InlineData("garbage")]
    public void A_line_out_of_protocol_during_a_test_stops_the_process_and_blames_that_test(string line)
    {
        var feed = Feed();
        var monitor = new RecordingMonitor();
        feed.OnLine("H", monitor);
        feed.OnLine(line, monitor);
        Assert.Equal(0, feed.Current);
        Assert.NotNull(feed.Violation);
        Assert.Equal("stop", monitor.Events[^1]);
        feed.OnLine("""R 0 {"ok":true,"value":1}""", monitor); // nothing counts after the stop
        Assert.Empty(feed.Results);
    }

    [Fact]
    public void A_result_that_came_back_over_its_cpu_limit_is_marked_as_such()
    {
        var feed = Feed();
        var monitor = new RecordingMonitor { LapCpu = TimeSpan.FromMilliseconds(400) };
        feed.OnLine("H", monitor);
        feed.OnLine("""R 0 {"ok":true,"value":1}""", monitor);
        Assert.Equal(FinishedTest.Overrun.Cpu, feed.Results[0].Over);
    }

    [Fact]
    public void The_next_test_gets_only_what_is_left_of_the_budget_and_none_once_it_is_gone()
    {
        var feed = Feed(tests: 3, budgetMs: 180);
        var monitor = new RecordingMonitor();
        feed.OnLine("H", monitor);
        Assert.Equal("lap 0 150", monitor.Events[0]);
        monitor.CpuTime = TimeSpan.FromMilliseconds(120);
        feed.OnLine("""R 0 {"ok":true,"value":1}""", monitor);
        Assert.Equal("lap 1 60", monitor.Events[3]);
        Assert.True(feed.CurrentCappedByBudget);
        monitor.CpuTime = TimeSpan.FromMilliseconds(200);
        feed.OnLine("""R 1 {"ok":true,"value":1}""", monitor);
        Assert.True(feed.BudgetExhausted);
        Assert.Equal("stop", monitor.Events[^1]);
    }

    [Fact]
    public void A_load_error_is_accepted_only_before_the_first_result()
    {
        var feed = Feed();
        var monitor = new RecordingMonitor();
        feed.OnLine("H", monitor);
        feed.OnLine("""C {"error":"SyntaxError: invalid syntax","line":3}""", monitor);
        Assert.Equal(3, feed.LoadError!.Line);
        Assert.Equal("close", monitor.Events[^1]);

        var late = Feed();
        var other = new RecordingMonitor();
        late.OnLine("H", other);
        late.OnLine("""R 0 {"ok":true,"value":1}""", other);
        late.OnLine("""C {"error":"x"}""", other);
        Assert.Null(late.LoadError);
        Assert.NotNull(late.Violation);
    }
}
