using System.Globalization;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages.Cpp;
using CodeRoom.Judge.Languages.Rust;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// A language that compiles cold (C++, Go, Rust, TypeScript) keeps one compile sandbox built and waiting
/// (<see cref="CompileSandboxPool"/>): the next fresh compile writes its files into that sandbox's box and releases it.
/// On the real sandbox, counted by a decorator: which compiles started a sandbox of their own and which were released.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class CompileSandboxPoolTests
{
    [Theory(Timeout = 180_000)]
    [InlineData(LanguageId.Go)]
    [InlineData(LanguageId.Rust)]
    [InlineData(LanguageId.Cpp)]
    [InlineData(LanguageId.TypeScript)]
    public async Task The_next_fresh_compile_runs_in_the_sandbox_the_last_one_left_waiting(LanguageId language)
    {
        await using var judge = new PoolJudge();

        var first = await judge.JudgeAsync(language, Fresh(language));
        Assert.True(first.Verdict == Verdict.Accepted, $"{first.Verdict}: {JudgeWarmUp.Describe(first)}");
        Assert.Equal(1, judge.Sandboxes.ColdCompiles); // nothing waited yet
        await judge.WaitForWaitingAsync(language);

        var second = await judge.JudgeAsync(language, Fresh(language));
        Assert.True(second.Verdict == Verdict.Accepted, $"{second.Verdict}: {JudgeWarmUp.Describe(second)}");
        Assert.False(second.Compile!.Cached);
        Assert.Equal(1, judge.Sandboxes.ColdCompiles); // the second compile started no sandbox of its own
        Assert.Equal(1, judge.Sandboxes.WaitingCompilesRun);
        Assert.True(judge.PoolHits >= 1, "no coderoom.judge.compile_sandbox.requests hit was reported");
    }

    [Theory(Timeout = 180_000)]
    [InlineData(LanguageId.Rust, RustToolchain.Compiler, "librustc_driver")]
    [InlineData(LanguageId.Cpp, CppToolchain.Compiler, "libclang-cpp")]
    public async Task A_waiting_compile_has_its_compiler_started_and_loaded_with_nothing_in_its_box(LanguageId language, string compiler, string library)
    {
        await using var judge = new PoolJudge();
        var options = judge.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
        await judge.JudgeAsync(language, Fresh(language));
        await judge.WaitForWaitingAsync(language);

        // The compiler runs in the waiting sandbox (its start-up is what this saves), blocked on its stdin, its libraries
        // mapped; the candidate's files are not there yet.
        var pid = await judge.UntilFoundAsync(() => ProcessesOf(options.FirstSlotUid, options.FirstSlotUid + options.Slots + options.StandbySlots - 1)
            .FirstOrDefault(pid => Command(pid).StartsWith(compiler + "\0", StringComparison.Ordinal)));
        Assert.Contains(library, File.ReadAllText($"/proc/{pid}/maps"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(judge.Pool.WaitingBox(language)!));
        Assert.True(Assert.Single(judge.Pool.Snapshot()).CompilerStarted);

        var second = await judge.JudgeAsync(language, Fresh(language));
        Assert.True(second.Verdict == Verdict.Accepted, $"{second.Verdict}: {JudgeWarmUp.Describe(second)}");
        Assert.Equal(1, judge.Sandboxes.WaitingCompilesRun);
        Assert.Equal(1, judge.Sandboxes.ColdCompiles);
    }

    [Theory(Timeout = 180_000)]
    [InlineData(LanguageId.Rust, "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        vec![missing]\n    }\n}\n",
        3, "cannot find value `missing` in this scope")]
    [InlineData(LanguageId.Cpp, "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        return {undefinedName};\n    }\n};\n",
        4, "use of undeclared identifier 'undefinedName'")]
    [InlineData(LanguageId.Python, "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [missing]\n",
        3, "Name \"missing\" is not defined", "warning")] // mypy, imported ahead; its findings are warnings (Python runs anyway)
    public async Task A_check_runs_in_the_sandbox_the_last_check_left_waiting_and_places_its_error_the_same(LanguageId language, string code, int line,
        string message, string severity = "error")
    {
        await using var judge = new PoolJudge();
        var checker = judge.Services.GetRequiredService<CodeRoom.Judge.Checking.CodeChecker>();
        var ct = TestContext.Current.CancellationToken;

        var cold = await checker.CheckAsync(Problems.TwoSum.Signature, language, code, ct);
        await judge.WaitForWaitingAsync(language);
        // What the admin live panel lists: the check's sandbox, the compiler loaded in it.
        var waiting = Assert.Single(judge.Pool.Snapshot());
        Assert.Equal((language, CompileSandboxPool.Purpose.Check, true), (waiting.Language, waiting.Purpose, waiting.CompilerStarted));
        var warm = await checker.CheckAsync(Problems.TwoSum.Signature, language, code, ct);

        Assert.Equal(1, judge.Sandboxes.ColdCompiles);
        Assert.Equal(1, judge.Sandboxes.WaitingCompilesRun);
        var error = Assert.Single(warm!.Diagnostics);
        Assert.Equal((line, severity), (error.Line, error.Severity));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(cold!.Diagnostics, warm.Diagnostics);
        if (language == LanguageId.Python)
        {
            return; // Python's Run compiles nothing
        }
        // Run's compile has a spec of its own: a check's waiting sandbox is not taken by a Run, nor the other way round.
        var run = await judge.JudgeAsync(language, Fresh(language));
        Assert.True(run.Verdict == Verdict.Accepted, $"{run.Verdict}: {JudgeWarmUp.Describe(run)}");
        Assert.Equal(1, judge.Sandboxes.WaitingCompilesRun);
        await judge.UntilAsync(() => judge.Pool.Snapshot().Count == 2);
        Assert.Equal([CompileSandboxPool.Purpose.Run, CompileSandboxPool.Purpose.Check], judge.Pool.Snapshot().Select(w => w.Purpose));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_cached_compile_leaves_one_waiting_too_so_that_the_warm_up_prepares_the_first_fresh_compile()
    {
        await using var judge = new PoolJudge();
        var code = Fresh(LanguageId.Go);
        await judge.JudgeAsync(LanguageId.Go, code);
        await judge.WaitForWaitingAsync(LanguageId.Go);
        var box = judge.Services.GetRequiredService<ISandbox>().CreateBox();
        try
        {
            var plan = await judge.MountedGoPlanAsync();
            var spec = JudgeEngine.CompileSpec(judge.Services.GetRequiredService<IOptions<JudgeOptions>>().Value, plan, plan.CompileCommand!, box);
            await using (judge.Pool.TryTake(LanguageId.Go, spec))
            {
            }
            Assert.Empty(judge.Pool.Snapshot());
        }
        finally
        {
            box.Dispose();
        }

        var cached = await judge.JudgeAsync(LanguageId.Go, code);

        Assert.True(cached.Compile!.Cached);
        await judge.WaitForWaitingAsync(LanguageId.Go);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_compile_error_in_a_waiting_sandbox_is_reported_as_a_cold_compile_reports_it()
    {
        await using var judge = await PoolJudge.PrimedAsync();

        var result = await judge.JudgeAsync(LanguageId.Go, "func twoSum(nums []int, target int) []int {\n    return undefinedName\n}\n");

        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("solution.go:2:12: undefined: undefinedName", result.Compile!.Output);
        Assert.Equal(1, judge.Sandboxes.WaitingCompilesRun);
    }

    [Fact(Timeout = 180_000)]
    public async Task One_that_died_while_it_waited_is_not_used_and_the_compile_starts_its_own()
    {
        await using var judge = await PoolJudge.PrimedAsync();
        judge.Sandboxes.WaitingSeemEnded = true;

        var result = await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));

        Assert.True(result.Verdict == Verdict.Accepted, $"{result.Verdict}: {JudgeWarmUp.Describe(result)}");
        Assert.Equal(2, judge.Sandboxes.ColdCompiles);
        Assert.Equal(0, judge.Sandboxes.WaitingCompilesRun);
    }

    [Fact(Timeout = 180_000)]
    public async Task One_that_cannot_be_released_has_run_nothing_and_the_compile_runs_cold_in_the_same_box()
    {
        await using var judge = await PoolJudge.PrimedAsync();
        judge.Sandboxes.WaitingFailsToRelease = true;

        var result = await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));

        Assert.True(result.Verdict == Verdict.Accepted, $"{result.Verdict}: {JudgeWarmUp.Describe(result)}");
        Assert.Equal(2, judge.Sandboxes.ColdCompiles);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_failure_after_the_compile_ran_is_the_sandboxs_and_the_compile_is_not_run_again()
    {
        await using var judge = await PoolJudge.PrimedAsync();
        judge.Sandboxes.WaitingFailsAfterRunning = true;

        var result = await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));

        Assert.Equal(Verdict.InternalError, result.Verdict); // as a cold compile whose sandbox fails so
        Assert.Equal(1, judge.Sandboxes.WaitingCompilesRun);
        Assert.Equal(1, judge.Sandboxes.ColdCompiles); // the first judge's only: no second, cold compile
    }

    [Fact(Timeout = 180_000)]
    public async Task A_preparation_that_fails_unexpectedly_is_tried_again_after_the_next_compile()
    {
        await using var judge = new PoolJudge();
        judge.Sandboxes.PreparationsToFail = 1;
        await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go)); // its replenishment fails
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Empty(judge.Pool.Snapshot());

        await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));

        await judge.WaitForWaitingAsync(LanguageId.Go);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_sandbox_runs_only_the_compile_it_was_made_for_and_each_language_keeps_two_specs_at_most()
    {
        await using var judge = new PoolJudge();
        var pool = judge.Pool;
        var box = judge.Services.GetRequiredService<ISandbox>().CreateBox();
        try
        {
            var a = Spec(box, "a");
            var b = Spec(box, "b");
            var c = Spec(box, "c");
            pool.Replenish(LanguageId.Go, a);
            await judge.UntilAsync(() => pool.Waits(LanguageId.Go, a));

            Assert.Null(pool.TryTake(LanguageId.Go, b)); // no sandbox runs another compile than its own
            Assert.Null(pool.TryTake(LanguageId.Rust, a)); // nor another language's
            Assert.True(pool.Waits(LanguageId.Go, a));

            // A second spec (a problem with another memory limit) waits beside it; a third drops the least recently used.
            pool.Replenish(LanguageId.Go, b);
            await judge.UntilAsync(() => pool.Waits(LanguageId.Go, b));
            pool.Replenish(LanguageId.Go, c);
            await judge.UntilAsync(() => pool.Waits(LanguageId.Go, c));
            Assert.False(pool.Waits(LanguageId.Go, a));
            Assert.True(pool.Waits(LanguageId.Go, b));

            await using var taken = pool.TryTake(LanguageId.Go, c with { WorkingDirectory = "/elsewhere" }); // its own box counts, not this
            Assert.NotNull(taken);
            Assert.Empty(Directory.EnumerateFileSystemEntries(taken.Box.Path)); // nothing ran in it before the release
            var outcome = await taken.Prepared.RunAsync(c with { WorkingDirectory = taken.Box.Path }, TestContext.Current.CancellationToken);
            Assert.Equal((TerminationReason.Exited, 0), (outcome.Reason, outcome.ExitCode));
            Assert.Equal("c\n", File.ReadAllText(Path.Combine(taken.Box.Path, "out")));
        }
        finally
        {
            box.Dispose();
        }

        static SandboxSpec Spec(SandboxBox box, string output) => new()
        {
            Command = ["/bin/sh", "-c", "echo " + output + " > out"],
            WorkingDirectory = box.Path,
            WorkingDirectoryWritable = true,
            Limits = new SandboxLimits { CpuTime = TimeSpan.FromSeconds(5), WallTime = TimeSpan.FromSeconds(10) },
        };
    }

    [Fact(Timeout = 180_000)]
    public async Task A_stopped_judge_leaves_no_waiting_sandbox_process_or_box_behind()
    {
        var judge = new PoolJudge();
        string? box;
        int firstUid, lastUid;
        try
        {
            var options = judge.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
            (firstUid, lastUid) = (options.FirstSlotUid, options.FirstSlotUid + options.Slots + options.StandbySlots - 1);
            await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));
            await judge.WaitForWaitingAsync(LanguageId.Go);
            Assert.NotEmpty(ProcessesOf(firstUid, lastUid)); // the waiting compile's bubblewrap
            box = judge.Pool.WaitingBox(LanguageId.Go);
            Assert.True(box is not null && Directory.Exists(box));
        }
        finally
        {
            await judge.DisposeAsync();
        }
        var left = ProcessesOf(firstUid, lastUid);
        Assert.True(left.Count == 0, "left: " + string.Join("; ", left.Select(Describe)));
        Assert.False(Directory.Exists(box));
    }

    [Fact(Timeout = 180_000)]
    public async Task Turned_off_every_compile_starts_its_own_sandbox()
    {
        await using var judge = new PoolJudge(enabled: false);
        await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));
        await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));

        Assert.Equal(2, judge.Sandboxes.ColdCompiles);
        Assert.Empty(judge.Pool.Snapshot());
    }

    private static string Fresh(LanguageId language) => Solutions.TwoSum[language] + "\n// pool " + Guid.NewGuid().ToString("N") + "\n";

    private static string Describe(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            return pid + " " + string.Join(" ", status.Where(l => l.StartsWith("Name:") || l.StartsWith("State:") || l.StartsWith("PPid:") || l.StartsWith("Uid:")))
                + " cmd=" + File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return pid + " (gone)";
        }
    }

    private static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Processes owned by the uids of a judge's slots (from /proc; gone ones are skipped).</summary>
    private static List<int> ProcessesOf(int firstUid, int lastUid)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var uidLine = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                if (uidLine is not null && int.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) is var uid
                    && uid >= firstUid && uid <= lastUid)
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }
        return found;
    }

    /// <summary>A judge of its own on <see cref="CountingSandboxes"/>, counting <c>coderoom.judge.compile_sandbox.requests</c>
    /// hits once a sandbox of its own waits (the meter is process-wide: another judge of the process may add its own).</summary>
    private sealed class PoolJudge : IAsyncDisposable
    {
        private readonly OwnJudge _judge;
        private readonly MetricCount _poolHits;

        public PoolJudge(bool enabled = true)
        {
            _judge = new OwnJudge("compile-pool", 340, new Dictionary<string, string?> { ["Judge:WarmCompileSandboxes"] = enabled ? "true" : "false" },
                services => services.AddSingleton<ISandbox>(sp => new CountingSandboxes(sp.GetRequiredService<BwrapSandbox>())));
            Sandboxes = (CountingSandboxes)_judge.Services.GetRequiredService<ISandbox>();
            _poolHits = new MetricCount("coderoom.judge.compile_sandbox.requests", tags => Armed && MetricCount.IsHit(tags));
        }

        public CountingSandboxes Sandboxes { get; }

        public IServiceProvider Services => _judge.Services;

        public CompileSandboxPool Pool => _judge.Services.GetRequiredService<CompileSandboxPool>();

        public long PoolHits => _poolHits.Total;

        private bool Armed { get; set; }

        public Task<JudgeResult> JudgeAsync(LanguageId language, string code) =>
            _judge.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, language, code, JudgeMode.Run), TestContext.Current.CancellationToken);

        /// <summary>Go's plan for the shared two-sum with its prebuilt archives mounted, as the judge compiles it.</summary>
        public async Task<CodeRoom.Judge.Languages.BuildPlan> MountedGoPlanAsync()
        {
            var toolchain = _judge.Services.GetServices<CodeRoom.Judge.Languages.ILanguageToolchain>().Single(t => t.Id == LanguageId.Go);
            var plan = toolchain.Plan(Problems.TwoSum.Signature, Solutions.TwoSum[LanguageId.Go], Problems.TwoSum.Limits.MemoryLimitMb);
            return await _judge.Services.GetRequiredService<PrebuiltArtifacts>().MountAsync(toolchain, plan, TestContext.Current.CancellationToken);
        }

        /// <summary>A judge whose Go compile sandbox waits (made after a first fresh Go judge).</summary>
        public static async Task<PoolJudge> PrimedAsync()
        {
            var judge = new PoolJudge();
            try
            {
                await judge.JudgeAsync(LanguageId.Go, Fresh(LanguageId.Go));
                await judge.WaitForWaitingAsync(LanguageId.Go);
                return judge;
            }
            catch
            {
                await judge.DisposeAsync();
                throw;
            }
        }

        /// <summary>The pool makes its sandbox after the judge returned, off its path.</summary>
        public async Task WaitForWaitingAsync(LanguageId language)
        {
            await UntilAsync(() => Pool.Snapshot().Any(w => w.Language == language));
            Armed = true;
        }

        public async Task UntilAsync(Func<bool> condition)
        {
            for (var i = 0; i < 200 && !condition(); i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
            Assert.True(condition(), "no compile sandbox came to wait within 10 s");
        }

        /// <summary>Polls for a process (0: not yet) for up to 10 s.</summary>
        public async Task<int> UntilFoundAsync(Func<int> find)
        {
            var found = find();
            for (var i = 0; i < 200 && found == 0; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
                found = find();
            }
            Assert.True(found != 0, "no such process within 10 s");
            return found;
        }

        public ValueTask DisposeAsync()
        {
            _poolHits.Dispose();
            return _judge.DisposeAsync();
        }
    }

    /// <summary>The real sandbox, counting compiles that started a sandbox of their own and waiting ones released; it can
    /// make waiting compile sandboxes seem ended, or fail their release.</summary>
    private sealed class CountingSandboxes(BwrapSandbox inner) : DelegatingSandbox(inner)
    {
        private int _coldCompiles;
        private int _waitingCompilesRun;

        public int ColdCompiles => Volatile.Read(ref _coldCompiles);
        public int WaitingCompilesRun => Volatile.Read(ref _waitingCompilesRun);
        public bool WaitingSeemEnded { get; set; }
        public bool WaitingFailsToRelease { get; set; }
        public bool WaitingFailsAfterRunning { get; set; }
        public int PreparationsToFail { get; set; }

        public override Task<SandboxOutcome> RunAsync(SandboxSpec spec, CancellationToken cancellationToken)
        {
            if (spec.WorkingDirectoryWritable)
            {
                Interlocked.Increment(ref _coldCompiles);
            }
            return base.RunAsync(spec, cancellationToken);
        }

        public override Task<IPreparedSandbox?> TryPrepareHeldAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
            CountAsync(spec, () => base.TryPrepareHeldAsync(spec, cancellationToken));

        /// <summary>A compiler that waits for its stdin itself (rustc) is started in its waiting sandbox.</summary>
        public override Task<IPreparedSandbox?> TryPrepareStartedAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
            CountAsync(spec, () => base.TryPrepareStartedAsync(spec, cancellationToken));

        private async Task<IPreparedSandbox?> CountAsync(SandboxSpec spec, Func<Task<IPreparedSandbox?>> prepare)
        {
            if (spec.WorkingDirectoryWritable && PreparationsToFail > 0)
            {
                PreparationsToFail--;
                throw new InvalidOperationException("an unexpected failure while preparing");
            }
            return await prepare() is not { } prepared ? null
                : spec.WorkingDirectoryWritable ? new WaitingCompile(prepared, this) : prepared;
        }

        private sealed class WaitingCompile(IPreparedSandbox inner, CountingSandboxes counts) : DelegatingPreparedSandbox(inner)
        {
            public override bool HasExited => counts.WaitingSeemEnded || base.HasExited;

            public override Task<SandboxOutcome> RunAsync(SandboxSpec run, CancellationToken cancellationToken)
            {
                if (counts.WaitingFailsToRelease)
                {
                    // As BwrapSandbox says it: the command never started.
                    throw new SandboxUnavailableException("the sandbox ended before its command could start") { CommandNeverStarted = true };
                }
                Interlocked.Increment(ref counts._waitingCompilesRun);
                return counts.WaitingFailsAfterRunning ? FailAfterAsync(base.RunAsync(run, cancellationToken)) : base.RunAsync(run, cancellationToken);
            }

            private static async Task<SandboxOutcome> FailAfterAsync(Task<SandboxOutcome> running)
            {
                await running;
                throw new SandboxUnavailableException("cgroup could not be removed: processes remain");
            }
        }
    }
}
