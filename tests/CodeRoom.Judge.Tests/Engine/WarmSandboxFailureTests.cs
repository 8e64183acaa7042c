using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// A runtime started ahead of time that fails before the candidate's code may run in it is the judge's failure: the
/// run starts again cold and its verdict is the code's own. The fault is real: a real warm Python sandbox is handed a
/// header it cannot read (or none, and it waits), as a runtime broken or wedged while it waited would be.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class WarmSandboxFailureTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_warm_sandbox_that_fails_before_the_code_runs_costs_the_candidate_nothing(bool hangs)
    {
        await using var judge = new BrokenWarmJudge(hangs);
        // The first run finds the pool empty and has it prepare one.
        Assert.Equal(Verdict.Accepted, (await judge.JudgeAsync(JudgeMode.Run)).Verdict);
        await judge.UntilAWarmSandboxIsReadyAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await judge.JudgeAsync(JudgeMode.Submit);

        Assert.True(result.Verdict == Verdict.Accepted, $"{result.Verdict}: {JudgeWarmUp.Describe(result)}");
        Assert.Equal(1, judge.Failures);
        // A wedged one is given up on after its start budget (Python: 300 ms of CPU, 1.9 s of wall time), not the
        // run's cap.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"the run took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_language_whose_warm_sandboxes_keep_failing_is_set_aside_and_its_runs_start_cold()
    {
        await using var judge = new BrokenWarmJudge(hangs: false);
        Assert.Equal(Verdict.Accepted, (await judge.JudgeAsync(JudgeMode.Run)).Verdict);
        for (var i = 0; i < WarmSandboxPool.FailuresBeforePause; i++)
        {
            await judge.UntilAWarmSandboxIsReadyAsync();
            Assert.Equal(Verdict.Accepted, (await judge.JudgeAsync(JudgeMode.Run)).Verdict);
        }
        Assert.Equal(WarmSandboxPool.FailuresBeforePause, judge.Failures);

        // Set aside: no warm sandbox is taken (one prepared meanwhile is retired) or prepared again, so no further run
        // pays for a broken one.
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Verdict.Accepted, (await judge.JudgeAsync(JudgeMode.Submit)).Verdict);
        }
        Assert.Equal(WarmSandboxPool.FailuresBeforePause, judge.Failures);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(judge.Pool.Snapshot(), p => p.Language == LanguageId.Python && p.Ready > 0);
    }

    /// <summary>A judge of its own (<see cref="OwnJudge"/>, one warm sandbox per language) on
    /// <see cref="BrokenWarmSandboxes"/>, counting <c>coderoom.judge.warm_pool.failures</c>.</summary>
    private sealed class BrokenWarmJudge : IAsyncDisposable
    {
        private readonly OwnJudge _judge;
        private readonly MetricCount _failures = new("coderoom.judge.warm_pool.failures");

        public BrokenWarmJudge(bool hangs)
        {
            _judge = new OwnJudge("warm-failure", 200, new Dictionary<string, string?> { ["Judge:WarmSandboxes"] = "1" },
                services => services.AddSingleton<ISandbox>(sp => new BrokenWarmSandboxes(sp.GetRequiredService<BwrapSandbox>(), hangs)));
        }

        public long Failures => _failures.Total;

        public WarmSandboxPool Pool => _judge.Services.GetRequiredService<WarmSandboxPool>();

        public Task<JudgeResult> JudgeAsync(JudgeMode mode) =>
            _judge.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Python, Solutions.TwoSum[LanguageId.Python], mode),
                TestContext.Current.CancellationToken);

        public async Task UntilAWarmSandboxIsReadyAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Pool.Snapshot().Any(p => p.Language == LanguageId.Python && p.Ready > 0))
            {
                Assert.True(DateTime.UtcNow < deadline, "no warm Python sandbox was prepared");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _failures.Dispose();
            await _judge.DisposeAsync();
        }
    }

    /// <summary>The real sandbox, except that every warm sandbox gets a header no harness can read, or (hangs) none at
    /// all: its runtime waits for it for ever, as a runtime wedged while it waited would.</summary>
    private sealed class BrokenWarmSandboxes(BwrapSandbox inner, bool hangs) : DelegatingSandbox(inner)
    {
        public override async Task<IPreparedSandbox> PrepareStandbyAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
            new BrokenPrepared(await base.PrepareStandbyAsync(spec, cancellationToken), hangs ? ReadOnlyMemory<byte>.Empty : "not a header\n"u8.ToArray());
    }

    private sealed class BrokenPrepared(IPreparedSandbox inner, ReadOnlyMemory<byte> header) : DelegatingPreparedSandbox(inner)
    {
        public override Task<SandboxOutcome> RunAsync(ReadOnlyMemory<byte> stdin, Action<string, ISandboxMonitor>? onControlLine,
            CancellationToken cancellationToken, TimeSpan? cpuTime = null, TimeSpan? wallTime = null) =>
            base.RunAsync(header, onControlLine, cancellationToken, cpuTime, wallTime);

        public override Task<SandboxOutcome> RunAsync(SandboxSpec run, CancellationToken cancellationToken) =>
            base.RunAsync(run with { Stdin = header }, cancellationToken);
    }
}
