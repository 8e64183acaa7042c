using System.Globalization;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Running;

/// <summary>
/// Drives one sandboxed process through its tests (docs/harness-protocol.md). The supervisor, not the harness, is the
/// authority: it hands over one test's input only when that test starts, times each test from that moment to the
/// test's result line on the cgroup's CPU counter and its own clock, and treats any line out of protocol as the
/// candidate's doing: the current test fails and the process is stopped. Called on the sandbox's control-reader
/// thread; the run loop reads the state once the process is gone.
/// </summary>
internal sealed class ProcessFeed(FeedPlan plan)
{
    private readonly Lock _lock = new();
    private int _next;
    private TimeSpan _lapStartCpu;
    private TimeSpan _lapCpuLimit;
    private TimeSpan _lapWallLimit;
    private bool _stopped;

    /// <summary>The test whose input was handed over and whose result has not come back.</summary>
    public int? Current { get; private set; }

    /// <summary>True once the candidate's code may run: the harness's <c>H</c>, or the feed for a harness without one.</summary>
    public bool Started { get; private set; }

    /// <summary>CPU of the process when <see cref="Started"/> became true (the runtime's own start-up before it is free).</summary>
    public TimeSpan StartCpu { get; private set; }

    public Dictionary<int, FinishedTest> Results { get; } = [];
    public HarnessLine.LoadError? LoadError { get; private set; }
    public Dictionary<int, IReadOnlyList<ulong>> Traces { get; } = [];

    /// <summary>Set when the process broke the protocol during <see cref="Current"/> (or before any test).</summary>
    public string? Violation { get; private set; }

    /// <summary>The current test's CPU limit was cut to what was left of the run's budget.</summary>
    public bool CurrentCappedByBudget { get; private set; }

    /// <summary>The run's budget was used up before the next test could start; the process was stopped.</summary>
    public bool BudgetExhausted { get; private set; }

    public TimeSpan CurrentCpuLimit => _lapCpuLimit;
    public TimeSpan CurrentStartCpu => _lapStartCpu;

    /// <summary>At the feed: a harness that does not announce itself gets its first input now.</summary>
    public void OnStarted(ISandboxMonitor monitor)
    {
        lock (_lock)
        {
            if (!plan.HarnessAnnouncesStart)
            {
                Started = true;
                StartCpu = TimeSpan.Zero;
                StartNext(monitor);
            }
            else if (plan.WarmStartBudget is { } budget)
            {
                // A runtime started ahead of time only has the header to read before its H: one that does not say H
                // within this (wedged while it waited) is stopped, and the run goes on cold instead of waiting out its cap.
                monitor.StartLap("start", budget);
            }
        }
    }

    public void OnLine(string text, ISandboxMonitor monitor)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }
            switch (HarnessLine.Parse(text))
            {
                case HarnessLine.Hello when plan.HarnessAnnouncesStart && !Started:
                    Started = true;
                    StartCpu = monitor.CpuTime;
                    StartNext(monitor);
                    break;
                case HarnessLine.LoadError error when Current is not null && _next == 1 && Results.Count == 0 && Started:
                    monitor.EndLap();
                    LoadError = error;
                    Current = null;
                    _stopped = true;
                    monitor.CloseInput();
                    break;
                case HarnessLine.Result result when result.Index == Current:
                    var lap = monitor.EndLap();
                    var overLimit = lap.CpuTime > _lapCpuLimit ? FinishedTest.Overrun.Cpu
                        : lap.WallTime > _lapWallLimit ? FinishedTest.Overrun.Wall
                        : OverMemory(lap, monitor) ? FinishedTest.Overrun.Memory
                        : FinishedTest.Overrun.None;
                    Results[result.Index] = new FinishedTest(result.Report, lap.CpuTime, lap.WallTime, lap.PeakMemoryBytes, overLimit,
                        CurrentCappedByBudget);
                    Current = null;
                    StartNext(monitor);
                    break;
                case HarnessLine.Trace trace when trace.Index == Current:
                    Traces.TryAdd(trace.Index, trace.Offsets);
                    break;
                default:
                    // A forged, repeated, out-of-order or malformed line: only candidate code writes those.
                    Violation = "the code wrote to the judge's control channel (fd 3) out of protocol";
                    _stopped = true;
                    monitor.Stop();
                    break;
            }
        }
    }

    /// <summary>A peak set during this test above the limit plus what the runtime's measured shadow allows
    /// (<see cref="Languages.BuildPlan.ShadowMemory"/>); an earlier test's peak is not this test's. The shadow is read
    /// (a few ms) only for a peak above what an empty shadow allows, while the program waits for its next input.</summary>
    private bool OverMemory(LapMeasurement lap, ISandboxMonitor monitor) =>
        plan.Shadow is { } rule && lap.PeakMemoryBytes > lap.PeakAtStartBytes
        && lap.PeakMemoryBytes > plan.MemoryLimitBytes + rule.AllowanceBytes(0)
        && lap.PeakMemoryBytes > plan.MemoryLimitBytes + rule.AllowanceBytes(monitor.ShadowBytes());

    private void StartNext(ISandboxMonitor monitor)
    {
        if (_next >= plan.Order.Count)
        {
            _stopped = true;
            monitor.CloseInput();
            return;
        }
        var left = plan.BudgetLeft - (monitor.CpuTime - StartCpu);
        if (left <= TimeSpan.Zero)
        {
            BudgetExhausted = true;
            _stopped = true;
            monitor.Stop();
            return;
        }
        var index = plan.Order[_next];
        var limit = plan.TestCpuLimit(index) + (_next == 0 ? plan.LoadAllowance : TimeSpan.Zero);
        CurrentCappedByBudget = left < limit;
        _lapCpuLimit = CurrentCappedByBudget ? left : limit;
        _lapWallLimit = _lapCpuLimit * 2 + TimeSpan.FromMilliseconds(500);
        _next++;
        Current = index;
        // The clock starts before the input is on its way: the process cannot hold the input outside its test's time.
        monitor.StartLap(index.ToString(CultureInfo.InvariantCulture), _lapCpuLimit, _lapWallLimit);
        _lapStartCpu = monitor.CpuTime;
        monitor.Send(plan.Input(index));
    }
}

/// <summary>What one process is to do: its tests in feed order and how each is limited.</summary>
internal sealed record FeedPlan(
    IReadOnlyList<int> Order,
    Func<int, byte[]> Input,
    Func<int, TimeSpan> TestCpuLimit,
    TimeSpan LoadAllowance,
    TimeSpan BudgetLeft,
    bool HarnessAnnouncesStart,
    long MemoryLimitBytes = 0,
    Languages.ShadowMemoryRule? Shadow = null,
    TimeSpan? WarmStartBudget = null);

/// <summary>A test whose result line came back, with the supervisor's measurements.</summary>
internal sealed record FinishedTest(TestReport Report, TimeSpan Cpu, TimeSpan Wall, long PeakMemoryBytes, FinishedTest.Overrun Over,
    bool CappedByBudget)
{
    /// <summary>The result came back, but after the test's limit (between two of the watchdog's polls), or with more
    /// memory used than the limit once the runtime's measured shadow is set aside.</summary>
    public enum Overrun { None, Cpu, Wall, Memory }
}
