using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Judge.Running;

/// <summary>What the harness and the sandbox said about one test, before comparison.</summary>
internal sealed record RawTest(Verdict? Verdict, TestReport? Report, string? Error, double? CpuMs, long? MemoryBytes,
    string Stdout, string Stderr)
{
    /// <summary>Where it crashed or threw, as offsets into the executable (C++), for <see cref="CrashLocator"/>.</summary>
    public IReadOnlyList<ulong>? Frames { get; init; }
}

internal sealed record RunOutcome(RawTest[] Raw, HarnessLine.LoadError? LoadError, double CpuMs, long PeakMemoryBytes);

/// <summary>
/// Runs a run's tests in as few sandboxed processes as possible (a new one only after a test crashed, hit a limit or
/// broke the protocol), each driven by a <see cref="ProcessFeed"/>. The run's CPU budget and wall-clock cap are hard
/// caps across all of its processes, killed tests included: no run holds a slot longer than the cap.
/// </summary>
internal sealed partial class TestRunner(ISandbox sandbox, WarmSandboxPool warm, JudgeOptions options, ILogger logger)
{
    /// <summary>The smallest cap on one result line (the returned value), whatever the problem's outputs.</summary>
    public const int MinResultLineBytes = 64 * 1024;

    /// <summary>The largest: a problem whose outputs are megabytes gets at most this.</summary>
    public const int MaxResultLineBytes = 16 * 1024 * 1024;

    /// <summary>Runs the tests. <c>held</c>: the sandbox of the run's first process, started while the code compiled
    /// (<see cref="TryPrestartAsync"/>), or null; the run owns it from here.</summary>
    public async Task<RunOutcome> RunAsync(Problem problem, JudgeRequest request, BuildPlan plan, SandboxBox box,
        IReadOnlyList<TestCase> tests, IPreparedSandbox? held, CancellationToken cancellationToken)
    {
        // A runtime started ahead of time takes the first process of the run; the code (or the compiled classes) comes
        // in its header.
        var started = held is null ? warm.TryTake(request.Language, problem.Limits.MemoryLimitMb) : null;
        var first = new FirstProcess(started, held);
        try
        {
            return await RunAsync(problem, request, plan, box, tests, first, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (first.Warm is not null)
            {
                await first.Warm.DisposeAsync().ConfigureAwait(false);
            }
            if (first.Held is not null)
            {
                await first.Held.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Starts the sandbox of a run's first process while its program is still being compiled into the box: namespaces,
    /// mounts and cgroups are made now, the program starts when the run feeds it (<see cref="ISandbox.TryPrepareHeldAsync"/>).
    /// It is the very sandbox the run would have started cold, with the same command, mounts and limits. Null when
    /// no slot is free to spare, or the sandbox could not be started (the run then starts its own, and fails closed there).
    /// </summary>
    public async Task<IPreparedSandbox?> TryPrestartAsync(Problem problem, BuildPlan plan, SandboxBox box, int testCount,
        CancellationToken cancellationToken)
    {
        try
        {
            return await sandbox.TryPrepareHeldAsync(ProcessSpec(problem, plan, box, Budget(problem), WallCap(problem, plan), testCount),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException e)
        {
            LogPrestartFailed(logger, e, e.Message);
            return null;
        }
    }

    /// <summary>What the run's first process starts from: a warm runtime (its code comes in the header), a sandbox
    /// started during the compile, or neither. Each is taken once.</summary>
    private sealed class FirstProcess(WarmSandboxPool.WarmSandbox? warm, IPreparedSandbox? held)
    {
        public WarmSandboxPool.WarmSandbox? Warm { get; set; } = warm;
        public IPreparedSandbox? Held { get; set; } = held;
    }

    /// <summary>The sandbox of one process of a run, before its stdin and feed are known.</summary>
    private SandboxSpec ProcessSpec(Problem problem, BuildPlan plan, SandboxBox box, TimeSpan left, TimeSpan wallLeft, int testCount)
    {
        var memoryBytes = problem.Limits.MemoryLimitMb * 1024L * 1024;
        var lineCap = ResultLineCap(problem);
        return new SandboxSpec
        {
            Command = plan.RunCommand,
            WorkingDirectory = box.Path,
            ExtraMounts = plan.Mounts,
            Environment = plan.Environment,
            KeepStdinOpen = true,
            Limits = new SandboxLimits
            {
                // A backstop: the feed's per-test limits and the budget are what end a test.
                CpuTime = plan.StartupAllowance + left + TimeSpan.FromMilliseconds(50),
                WallTime = wallLeft,
                MemoryBytes = memoryBytes + plan.MemoryOverheadBytes,
                MaxProcesses = plan.MaxProcesses,
                OutputBytes = options.OutputLimitBytes,
                ControlLineBytes = lineCap,
                ControlBytes = (int)Math.Min(64L << 20, (long)lineCap * (testCount + 4)),
                TmpBytes = options.TmpSizeMb * 1024L * 1024,
                StackBytes = memoryBytes,
                ShadowRange = plan.ShadowMemory?.Range,
            },
        };
    }

    /// <summary>The CPU all of a run's processes may use together after the candidate's code could first run.</summary>
    public TimeSpan Budget(Problem problem) =>
        TimeSpan.FromMilliseconds(Math.Max(options.SubmissionCpuBudgetMs, 2 * problem.Limits.TimeLimitMs));

    /// <summary>The run's wall-clock cap across all its processes (the compile not included).</summary>
    public TimeSpan WallCap(Problem problem, BuildPlan plan) => Budget(problem) * 2 + plan.StartupAllowance + TimeSpan.FromMilliseconds(500);

    /// <summary>The cap on one result line: a few times the problem's largest expected output, within bounds.
    /// Computed once per problem instance (serialising every expected output on each run would put megabytes of work
    /// on the request's path for problems with large outputs).</summary>
    public static int ResultLineCap(Problem problem) =>
        LineCaps.GetValue(problem, p =>
        {
            var largest = p.Tests.Max(t => (long?)(t.Expected?.ToJsonString().Length ?? 0)) ?? 0;
            return new StrongBox<int>((int)Math.Clamp(largest * 4 + 1024, MinResultLineBytes, MaxResultLineBytes));
        }).Value;

    private static readonly ConditionalWeakTable<Problem, StrongBox<int>> LineCaps = new();

    private async Task<RunOutcome> RunAsync(Problem problem, JudgeRequest request, BuildPlan plan, SandboxBox box,
        IReadOnlyList<TestCase> tests, FirstProcess first, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var raw = new RawTest?[tests.Count];
        var budget = Budget(problem);
        var cap = WallCap(problem, plan);
        var clock = Stopwatch.StartNew();
        var used = TimeSpan.Zero;
        var peak = 0L;
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        // Public tests first: when a public test fails, no process of this run has yet held a hidden input, so the
        // error a Submit shows for it cannot carry one.
        var feedOrder = Enumerable.Range(0, tests.Count)
            .OrderBy(i => tests[i].Visibility == TestVisibility.Public ? 0 : 1).ThenBy(i => i).ToList();
        var inputs = new byte[]?[tests.Count];
        byte[] Input(int i) => inputs[i] ??= HarnessHeader.TestLine(problem.Signature, i, tests[i].Input);
        TimeSpan TestLimit(int i) => TimeSpan.FromMilliseconds(tests[i].TimeoutMs ?? problem.Limits.TimeLimitMs);

        while (raw.Any(r => r is null))
        {
            var remaining = feedOrder.Where(i => raw[i] is null).ToList();
            var left = budget - used;
            var wallLeft = cap - clock.Elapsed;
            if (left <= TimeSpan.Zero || wallLeft <= TimeSpan.Zero)
            {
                var why = left <= TimeSpan.Zero
                    ? $"not run: the run's CPU budget ({budget.TotalMilliseconds:0} ms) was used up by earlier tests"
                    : $"not run: the run's time cap ({cap.TotalSeconds:0.#} s) was reached";
                foreach (var i in remaining)
                {
                    raw[i] = new RawTest(Verdict.TimeLimitExceeded, null, why, null, null, "", "");
                }
                break;
            }

            var memoryBytes = problem.Limits.MemoryLimitMb * 1024L * 1024;
            var prepared = first.Warm;
            var feed = new ProcessFeed(new FeedPlan(remaining, Input, TestLimit, plan.LoadAllowance, left, plan.HarnessAnnouncesStart,
                memoryBytes, plan.ShadowMemory, prepared is null ? null : plan.StartupAllowance));
            var header = prepared is null
                ? HarnessHeader.Header(problem.Signature, language, nonce)
                : HarnessHeader.WarmHeader(problem.Signature, language, nonce, request.Code, plan, box);
            var spec = ProcessSpec(problem, plan, box, left, wallLeft, remaining.Count) with
            {
                Stdin = Encoding.UTF8.GetBytes(header + "\n"),
                OnStarted = feed.OnStarted,
                OnControlLine = feed.OnLine,
            };
            SandboxOutcome outcome;
            var fromWarm = prepared is not null;
            if (prepared is not null)
            {
                // Runs once. Its teardown (reaping, removing the cgroup and the box) goes on after the results are in,
                // off the request's path; the slot comes back when it is done.
                first.Warm = null;
                try
                {
                    outcome = await prepared.Prepared.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _ = TearDownAsync(prepared);
                }
            }
            else if (first.Held is { } held && !held.HasExited)
            {
                // Started during the compile with this spec's command, mounts and limits; its program starts now.
                first.Held = null;
                await using (held.ConfigureAwait(false))
                {
                    outcome = await held.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                if (first.Held is { } ended)
                {
                    // Killed while it waited for the compile (the host's OOM killer, an operator): nothing of the
                    // candidate ran in it; the run starts its own.
                    first.Held = null;
                    await ended.DisposeAsync().ConfigureAwait(false);
                }
                outcome = await sandbox.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            if (outcome.Reason == TerminationReason.Cancelled)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            peak = Math.Max(peak, outcome.PeakMemoryBytes);
            // Everything after the candidate's code could first run, killed tests and the gaps between tests included.
            used += feed.Started ? outcome.CpuTime - feed.StartCpu : TimeSpan.Zero;

            if (fromWarm && !feed.Started && feed.LoadError is null && feed.Results.Count == 0)
            {
                // The harness had not yet said that the candidate's code may run: a runtime started ahead of time that
                // died or broke while it waited is the judge's failure, not the candidate's. The run starts again the
                // cold way (this loop's next process), as it would have without a warm sandbox.
                LogWarmSandboxFailed(logger, language, outcome.Reason, outcome.ExitCode, outcome.Signal,
                    CandidateText.LastLines(CandidateText.Decode(outcome.Stderr)));
                Telemetry.JudgeTelemetry.WarmPoolFailures.Add(1, Telemetry.JudgeTelemetry.Language(language));
                warm.ReportFailed(language);
                // The run's cap starts again with the cold process: the time the warm one took (at most its start
                // budget) was ours, not the candidate's.
                clock.Restart();
                continue;
            }
            if (fromWarm)
            {
                warm.ReportWorked(language);
            }
            if (feed.LoadError is { } loadError)
            {
                if (tests[remaining[0]].Visibility == TestVisibility.Public)
                {
                    return new RunOutcome([], loadError, used.TotalMilliseconds, peak);
                }
                // A process started for a hidden test held that test's input while the code loaded: its load error is
                // text the candidate's code wrote, and could carry the input. The test fails; nothing of it is kept.
                raw[remaining[0]] = new RawTest(Verdict.RuntimeError, null,
                    "the code failed while loading, in a process started for a hidden test", null, outcome.PeakMemoryBytes, "", "");
                continue;
            }
            Collect(problem, plan, tests, raw, remaining, feed, outcome, nonce, clock.Elapsed >= cap);
        }
        return new RunOutcome(raw.Select(r => r!).ToArray(), null, used.TotalMilliseconds, peak);
    }

    /// <summary>Records what one process did: the tests it finished, the one it was in when it ended, and, when it
    /// never got to the candidate's code, the same error for every remaining test (no endless restarts).</summary>
    private void Collect(Problem problem, BuildPlan plan, IReadOnlyList<TestCase> tests, RawTest?[] raw, List<int> remaining, ProcessFeed feed,
        SandboxOutcome outcome, string nonce, bool capReached)
    {
        var stdoutByTest = CandidateText.SplitByMarker(CandidateText.Decode(outcome.Stdout), nonce, outcome.StdoutTruncated);
        var stderrByTest = CandidateText.SplitByMarker(CandidateText.Decode(outcome.Stderr), nonce, outcome.StderrTruncated);
        string Raw(Dictionary<int, string> byTest, int i) =>
            (i == remaining[0] ? byTest.GetValueOrDefault(-1, "") : "") + byTest.GetValueOrDefault(i, "");
        string Stream(Dictionary<int, string> byTest, int i) => CandidateText.Sanitize(Raw(byTest, i), options.OutputPerTestBytes);
        // A crash report is at the end of the test's stderr, which may be longer than what is shown of it.
        string? Report(int i) => plan.DescribeCrash?.Invoke(Raw(stderrByTest, i)) is { } report
            ? CandidateText.Sanitize(report, HarnessLine.MaxErrorChars)
            : null;

        foreach (var i in remaining)
        {
            // Output from before the first marker (load time) goes with the process's first test.
            var stdout = Stream(stdoutByTest, i);
            var stderr = Stream(stderrByTest, i);
            if (feed.Results.TryGetValue(i, out var finished))
            {
                raw[i] = Finished(tests[i], problem, finished, stdout, stderr);
            }
            else if (feed.Current == i)
            {
                var (verdict, error) = Ended(outcome, feed, problem, Report(i), tests[i], stderr, capReached);
                raw[i] = new RawTest(verdict, null, error, Math.Max(0, (outcome.CpuTime - feed.CurrentStartCpu).TotalMilliseconds),
                    outcome.PeakMemoryBytes, stdout, stderr)
                {
                    // Only a crash by a signal has a place; a limit's kill comes from outside.
                    Frames = outcome.Reason == TerminationReason.Signaled ? feed.Traces.GetValueOrDefault(i) : null,
                };
            }
        }
        if (!feed.Started || (feed.Violation is not null && feed.Current is null && feed.Results.Count == 0))
        {
            // The runtime died (or broke the protocol) before any test: every remaining test gets that error.
            var (verdict, error) = feed.Violation is { } violation
                ? (Verdict.RuntimeError, violation)
                : Ended(outcome, feed, problem, Report(remaining[0]), tests[remaining[0]], Stream(stderrByTest, remaining[0]), capReached);
            foreach (var i in remaining)
            {
                raw[i] ??= new RawTest(verdict, null, error, null, outcome.PeakMemoryBytes, "", "");
            }
        }
        if (feed.BudgetExhausted)
        {
            foreach (var i in remaining)
            {
                raw[i] ??= new RawTest(Verdict.TimeLimitExceeded, null, "not run: the run's CPU budget was used up by earlier tests",
                    null, null, "", "");
            }
        }
        if (capReached)
        {
            foreach (var i in remaining)
            {
                raw[i] ??= new RawTest(Verdict.TimeLimitExceeded, null, "not run: the run's time cap was reached", null, null, "", "");
            }
        }
    }

    private static RawTest Finished(TestCase test, Problem problem, FinishedTest finished, string stdout, string stderr)
    {
        var cpuMs = finished.Cpu.TotalMilliseconds;
        if (finished.Over == FinishedTest.Overrun.Memory)
        {
            return new RawTest(Verdict.MemoryLimitExceeded, null, $"memory limit exceeded: more than {problem.Limits.MemoryLimitMb} MB in this test",
                cpuMs, finished.PeakMemoryBytes, stdout, stderr);
        }
        if (finished.Over != FinishedTest.Overrun.None)
        {
            var limitMs = test.TimeoutMs ?? problem.Limits.TimeLimitMs;
            var error = finished.Over == FinishedTest.Overrun.Cpu
                ? $"time limit exceeded: more than {limitMs} ms of CPU time in this test"
                : "time limit exceeded: the code was sleeping or blocked in this test";
            return new RawTest(Verdict.TimeLimitExceeded, null, error, cpuMs, finished.PeakMemoryBytes, stdout, stderr);
        }
        return new RawTest(null, finished.Report, null, cpuMs, finished.PeakMemoryBytes, stdout, stderr)
        {
            Frames = finished.Report is TestReport.Failed f ? f.Frames : null,
        };
    }

    /// <summary>Why the process ended inside a test (or before reaching one): the sandbox and the feed say; for a crash,
    /// the runtime's own report (<see cref="BuildPlan.DescribeCrash"/>) when it left one.</summary>
    private static (Verdict Verdict, string Error) Ended(SandboxOutcome outcome, ProcessFeed feed, Problem problem, string? report,
        TestCase test, string stderr, bool capReached)
    {
        if (outcome.ControlLineTooLong)
        {
            return (Verdict.OutputLimitExceeded, "output limit exceeded: the returned value is larger than the judge accepts for this problem");
        }
        if (feed.Violation is { } violation)
        {
            return (Verdict.RuntimeError, violation);
        }
        var limitMs = test.TimeoutMs ?? problem.Limits.TimeLimitMs;
        var where = feed.Current is null ? "while starting, before the first test" : "in this test";
        return outcome.Reason switch
        {
            TerminationReason.CpuTimeLimit when feed.CurrentCappedByBudget =>
                (Verdict.TimeLimitExceeded, "time limit exceeded: the run's CPU budget was used up in this test"),
            TerminationReason.CpuTimeLimit => (Verdict.TimeLimitExceeded, $"time limit exceeded: more than {limitMs} ms of CPU time {where}"),
            TerminationReason.WallTimeLimit when capReached =>
                (Verdict.TimeLimitExceeded, "time limit exceeded: the run's time cap was reached in this test"),
            TerminationReason.WallTimeLimit => (Verdict.TimeLimitExceeded, $"time limit exceeded: the code was sleeping or blocked {where}"),
            TerminationReason.MemoryLimit => (Verdict.MemoryLimitExceeded, $"memory limit exceeded: more than {problem.Limits.MemoryLimitMb} MB {where}"),
            TerminationReason.OutputLimit => (Verdict.OutputLimitExceeded, "output limit exceeded: the code printed too much"),
            TerminationReason.Signaled => (Verdict.RuntimeError, report ?? SignalNames.Describe(outcome.Signal ?? 0)),
            TerminationReason.Exited when outcome.ExitCode != 0 && report is not null => (Verdict.RuntimeError, report),
            TerminationReason.Stopped => (Verdict.RuntimeError, "the process was stopped by the judge " + where),
            _ => (Verdict.RuntimeError, CandidateText.LastLines(stderr) is { Length: > 0 } tail
                ? CandidateText.Sanitize($"the process exited with code {outcome.ExitCode}: {tail}", HarnessLine.MaxErrorChars)
                : $"the process exited with code {outcome.ExitCode} {where}"),
        };
    }

    private async Task TearDownAsync(WarmSandboxPool.WarmSandbox sandbox)
    {
        try
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
        }
        catch (SandboxUnavailableException e)
        {
            LogTeardownFailed(logger, e, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A warm {Language} sandbox ended before the code could run ({Reason}, exit {ExitCode}, signal {Signal}): {Stderr}; run again cold")]
    private static partial void LogWarmSandboxFailed(ILogger logger, LanguageId language, TerminationReason reason, int? exitCode, int? signal,
        string stderr);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting a run's sandbox during the compile failed; the run starts its own: {Reason}")]
    private static partial void LogPrestartFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tearing down a sandbox failed: {Reason}")]
    private static partial void LogTeardownFailed(ILogger logger, Exception exception, string reason);
}
