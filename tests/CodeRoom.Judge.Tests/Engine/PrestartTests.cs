using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// A compiled language's run sandbox is built while the compiler works and started once the binary is in the box
/// (<see cref="ISandbox.TryPrepareHeldAsync"/>): used for the run's first process only, dropped when the compile fails,
/// and the verdicts are those of a cold start. Counted on the real sandbox by a decorator.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class PrestartTests
{
    [Theory(Timeout = 180_000)]
    [InlineData(LanguageId.Go)]
    [InlineData(LanguageId.Rust)]
    [InlineData(LanguageId.Cpp)]
    public async Task A_fresh_compile_runs_in_the_sandbox_built_beside_it_and_a_cached_one_starts_its_own(LanguageId language)
    {
        await using var judge = new CountingJudge();
        var code = Solutions.TwoSum[language] + "\n// prestart " + Guid.NewGuid().ToString("N") + "\n";

        var fresh = await judge.JudgeAsync(language, code, JudgeMode.Submit);
        Assert.True(fresh.Verdict == Verdict.Accepted, $"{fresh.Verdict}: {JudgeWarmUp.Describe(fresh)}");
        Assert.Equal((1, 1, 1), (judge.Sandboxes.HeldStarted, judge.Sandboxes.HeldRun, judge.Sandboxes.HeldDisposed));
        Assert.Equal(1, judge.Sandboxes.ColdStarts); // the compile; the tests ran in the held sandbox
        Assert.True(judge.PrestartHits >= 1, "no coderoom.judge.prestart.requests hit was reported");

        var cached = await judge.JudgeAsync(language, code, JudgeMode.Submit);
        Assert.True(cached.Compile!.Cached);
        Assert.Equal(Verdict.Accepted, cached.Verdict);
        Assert.Equal(1, judge.Sandboxes.HeldStarted); // no compile to overlap
        Assert.Equal(2, judge.Sandboxes.ColdStarts);
    }

    [Fact(Timeout = 180_000)]
    public async Task One_that_died_while_the_code_compiled_is_dropped_and_the_run_starts_its_own()
    {
        await using var judge = new CountingJudge();
        judge.Sandboxes.HeldSeemEnded = true;

        var result = await judge.JudgeAsync(LanguageId.Go, Solutions.TwoSum[LanguageId.Go] + "\n// ended " + Guid.NewGuid().ToString("N") + "\n",
            JudgeMode.Submit);

        Assert.True(result.Verdict == Verdict.Accepted, $"{result.Verdict}: {JudgeWarmUp.Describe(result)}");
        Assert.Equal((1, 0, 1), (judge.Sandboxes.HeldStarted, judge.Sandboxes.HeldRun, judge.Sandboxes.HeldDisposed));
        Assert.Equal(2, judge.Sandboxes.ColdStarts); // the compile and the run
    }

    [Fact(Timeout = 180_000)]
    public async Task A_compile_the_cache_cannot_store_still_gets_its_verdict()
    {
        await using var judge = new CountingJudge();
        File.WriteAllText(judge.CacheRoot, "not a directory"); // every store fails: the cache root cannot be made

        var code = Solutions.TwoSum[LanguageId.Go] + "\n// uncached " + Guid.NewGuid().ToString("N") + "\n";
        var first = await judge.JudgeAsync(LanguageId.Go, code, JudgeMode.Run);
        var again = await judge.JudgeAsync(LanguageId.Go, code, JudgeMode.Run);

        Assert.True(first.Verdict == Verdict.Accepted, $"{first.Verdict}: {JudgeWarmUp.Describe(first)}");
        Assert.Equal(Verdict.Accepted, again.Verdict);
        Assert.False(again.Compile!.Cached); // compiled again
    }

    [Fact(Timeout = 180_000)]
    public async Task A_failed_compile_drops_the_sandbox_built_for_its_run()
    {
        await using var judge = new CountingJudge();
        var result = await judge.JudgeAsync(LanguageId.Go, "func twoSum(nums []int, target int) []int {\n    return undefinedName\n}\n", JudgeMode.Run);

        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("undefined: undefinedName", result.Compile!.Output);
        Assert.Equal((1, 0, 1), (judge.Sandboxes.HeldStarted, judge.Sandboxes.HeldRun, judge.Sandboxes.HeldDisposed));
    }

    [Fact(Timeout = 180_000)]
    public async Task Only_the_first_process_uses_it_a_process_after_a_crash_starts_cold()
    {
        await using var judge = new CountingJudge();
        // The shared solution, ended in its first test by an exit (a panic would be recovered by the harness, and the
        // process would go on).
        var code = "import \"os\"\n\n" + Solutions.TwoSum[LanguageId.Go].Replace(
            "seen := map[int]int{}", "if len(nums) == 4 {\n        os.Exit(3)\n    }\n    seen := map[int]int{}", StringComparison.Ordinal);
        Assert.Contains("os.Exit(3)", code);

        var result = await judge.JudgeAsync(LanguageId.Go, code, JudgeMode.Submit);

        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(0, result.FirstFailingTest);
        Assert.Contains("exited with code 3", result.Tests[0].Error);
        Assert.Equal(3, result.Passed);
        Assert.Equal((1, 1, 1), (judge.Sandboxes.HeldStarted, judge.Sandboxes.HeldRun, judge.Sandboxes.HeldDisposed));
        Assert.Equal(2, judge.Sandboxes.ColdStarts); // the compile, and the process after the crash
    }

    /// <summary>A judge of its own on <see cref="CountingSandboxes"/>, counting <c>coderoom.judge.prestart.requests</c>
    /// hits once it has held a sandbox (the meter is process-wide: another judge of the process may add its own).</summary>
    private sealed class CountingJudge : IAsyncDisposable
    {
        private readonly OwnJudge _judge;
        private readonly MetricCount _prestartHits;

        public CountingJudge()
        {
            // Every compile cold: the compile sandboxes kept waiting (CompileSandboxPoolTests) are held sandboxes too.
            _judge = new OwnJudge("prestart", 300, new Dictionary<string, string?> { ["Judge:WarmCompileSandboxes"] = "false" },
                services => services.AddSingleton<ISandbox>(sp => new CountingSandboxes(sp.GetRequiredService<BwrapSandbox>())));
            Sandboxes = (CountingSandboxes)_judge.Services.GetRequiredService<ISandbox>();
            _prestartHits = new MetricCount("coderoom.judge.prestart.requests", tags => Sandboxes.HeldStarted > 0 && MetricCount.IsHit(tags));
        }

        public CountingSandboxes Sandboxes { get; }

        public string CacheRoot => _judge.CacheRoot;

        public long PrestartHits => _prestartHits.Total;

        public Task<JudgeResult> JudgeAsync(LanguageId language, string code, JudgeMode mode) =>
            _judge.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, language, code, mode), TestContext.Current.CancellationToken);

        public ValueTask DisposeAsync()
        {
            _prestartHits.Dispose();
            return _judge.DisposeAsync();
        }
    }

    /// <summary>The real sandbox, counting sandboxes started the usual way and held ones (started, run, disposed).</summary>
    private sealed class CountingSandboxes(BwrapSandbox inner) : DelegatingSandbox(inner)
    {
        private int _coldStarts;
        private int _heldStarted;
        private int _heldRun;
        private int _heldDisposed;

        public int ColdStarts => Volatile.Read(ref _coldStarts);
        public int HeldStarted => Volatile.Read(ref _heldStarted);
        public int HeldRun => Volatile.Read(ref _heldRun);
        public int HeldDisposed => Volatile.Read(ref _heldDisposed);

        /// <summary>Held sandboxes report that they ended while they waited (as one killed by the host would).</summary>
        public bool HeldSeemEnded { get; set; }

        public override Task<SandboxOutcome> RunAsync(SandboxSpec spec, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _coldStarts);
            return base.RunAsync(spec, cancellationToken);
        }

        public override async Task<IPreparedSandbox?> TryPrepareHeldAsync(SandboxSpec spec, CancellationToken cancellationToken)
        {
            if (await base.TryPrepareHeldAsync(spec, cancellationToken) is not { } held)
            {
                return null;
            }
            Interlocked.Increment(ref _heldStarted);
            return new CountedHeld(held, this);
        }

        private sealed class CountedHeld(IPreparedSandbox inner, CountingSandboxes counts) : DelegatingPreparedSandbox(inner)
        {
            public override bool HasExited => counts.HeldSeemEnded || base.HasExited;

            public override Task<SandboxOutcome> RunAsync(ReadOnlyMemory<byte> stdin, Action<string, ISandboxMonitor>? onControlLine,
                CancellationToken cancellationToken, TimeSpan? cpuTime = null, TimeSpan? wallTime = null)
            {
                Interlocked.Increment(ref counts._heldRun);
                return base.RunAsync(stdin, onControlLine, cancellationToken, cpuTime, wallTime);
            }

            public override Task<SandboxOutcome> RunAsync(SandboxSpec run, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counts._heldRun);
                return base.RunAsync(run, cancellationToken);
            }

            public override async ValueTask DisposeAsync()
            {
                Interlocked.Increment(ref counts._heldDisposed);
                await base.DisposeAsync();
            }
        }
    }
}
