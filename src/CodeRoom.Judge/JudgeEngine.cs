using System.Diagnostics;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Running;
using CodeRoom.Judge.Sandbox;
using CodeRoom.Judge.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Judges a candidate's code: compiles once in the sandbox, runs the tests under the supervisor's authority
/// (<see cref="TestRunner"/>: one input at a time, timed from outside) and compares outputs here, outside the sandbox.
/// </summary>
public sealed partial class JudgeEngine
{
    private readonly ISandbox _sandbox;
    private readonly IReadOnlyDictionary<LanguageId, ILanguageToolchain> _languages;
    private readonly JudgeOptions _options;
    private readonly ILogger<JudgeEngine> _logger;

    private readonly CompileCache _cache;
    private readonly PrebuiltArtifacts _prebuilt;
    private readonly WarmSandboxPool _warm;
    private readonly CompileServers _compileServers;
    private readonly CompileSandboxPool _compileSandboxes;
    private readonly TestRunner _runner;

    public JudgeEngine(ISandbox sandbox, IEnumerable<ILanguageToolchain> languages, CompileCache cache, PrebuiltArtifacts prebuilt,
        WarmSandboxPool warm, CompileServers compileServers, CompileSandboxPool compileSandboxes, IOptions<JudgeOptions> options,
        ILogger<JudgeEngine> logger)
    {
        _warm = warm;
        _compileSandboxes = compileSandboxes;
        _compileServers = compileServers;
        _sandbox = sandbox;
        _cache = cache;
        _prebuilt = prebuilt;
        _languages = languages.ToDictionary(l => l.Id);
        _options = options.Value;
        _logger = logger;
        _runner = new TestRunner(sandbox, warm, _options, logger);
    }

    public IReadOnlyCollection<LanguageId> Languages => _languages.Keys.ToList();

    public string StarterCode(Signature signature, LanguageId language) => Toolchain(language).StarterCode(signature);

    private ILanguageToolchain Toolchain(LanguageId language) =>
        _languages.TryGetValue(language, out var toolchain)
            ? toolchain
            : throw new ArgumentException($"language {language} is not configured", nameof(language));

    public async Task<JudgeResult> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var activity = JudgeTelemetry.StartJudge(request);
        var tests = request.Tests ?? (request.Mode == JudgeMode.Run
            ? request.Problem.PublicTests.ToList()
            : request.Problem.Tests);
        try
        {
            var result = await JudgeCoreAsync(request, tests, cancellationToken).ConfigureAwait(false);
            result = result with { WallMs = clock.Elapsed.TotalMilliseconds };
            LogJudged(request.Problem.Slug, request.Language, request.Mode, result.Verdict, result.Passed, result.Total, result.WallMs);
            JudgeTelemetry.Judged(activity, request, result);
            return result;
        }
        catch (SandboxUnavailableException e)
        {
            LogSandboxUnavailable(e, request.Problem.Slug, e.Message);
            activity?.SetStatus(ActivityStatusCode.Error, "sandbox unavailable");
            return new JudgeResult
            {
                Verdict = Verdict.InternalError,
                Passed = 0,
                Total = tests.Count,
                Tests = [],
                WallMs = clock.Elapsed.TotalMilliseconds,
                InternalMessage = "the sandbox is unavailable: " + e.Message,
            };
        }
    }

    private async Task<JudgeResult> JudgeCoreAsync(JudgeRequest request, IReadOnlyList<TestCase> tests, CancellationToken cancellationToken)
    {
        var problem = request.Problem;
        var toolchain = Toolchain(request.Language);
        var plan = toolchain.Plan(problem.Signature, request.Code, problem.Limits.MemoryLimitMb);
        var box = _sandbox.CreateBox();
        CompileInfo? compile = null;
        Task<IPreparedSandbox?>? prestart = null;
        Task? storing = null;
        SandboxSpec? coldCompile = null;
        try
        {
            WriteFiles(box, plan);
            // Built once per toolchain, then mounted read-only into the compile and the runs.
            plan = await _prebuilt.MountAsync(toolchain, plan, cancellationToken).ConfigureAwait(false);

            if (plan.CompileCommand is { } compileCommand)
            {
                var key = CompileCache.Key(toolchain, plan);
                using var compileActivity = JudgeTelemetry.Source.StartActivity("coderoom.compile");
                // A language that always compiles cold: after this judge, a sandbox for its next compile waits (cached
                // code too: the service's warm-up is cached after its first start, and its judges still leave one).
                coldCompile = plan.CompileServerCommand is null ? CompileSpec(_options, plan, compileCommand, box) : null;
                var hit = _cache.TryRestore(key, box);
                JudgeTelemetry.CompileCacheRequests.Add(1, JudgeTelemetry.Language(request.Language), JudgeTelemetry.CacheResult(hit));
                compileActivity?.SetTag("coderoom.cache.result", hit ? "hit" : "miss");
                if (hit)
                {
                    compile = new CompileInfo(true, "", 0, Cached: true);
                    _compileServers.EnsureStarted(request.Language, plan);
                }
                else
                {
                    Task<CompileInfo> compiling;
                    if (coldCompile is not null)
                    {
                        // Its compile sandbox may be waiting already, with a box of its own that becomes this judge's box.
                        if (await _compileSandboxes.TryTakeWithFilesAsync(request.Language, coldCompile, plan.Files).ConfigureAwait(false) is { } waiting)
                        {
                            // The judge owns its box now (the finally deletes it); the sandbox is CompileInAsync's.
                            box.Dispose();
                            box = waiting.Box;
                            compiling = CompileInAsync(waiting, plan, coldCompile with { WorkingDirectory = box.Path }, cancellationToken);
                        }
                        else
                        {
                            compiling = CompileAsync(_sandbox, plan, coldCompile, cancellationToken);
                        }
                    }
                    else
                    {
                        compiling = CompileMissAsync(request.Language, plan, compileCommand, box, cancellationToken);
                    }
                    if (toolchain.WarmPlan(problem.Limits.MemoryLimitMb) is null)
                    {
                        // The run's first process starts cold (no runtime waits ahead of time for a compiled binary): its
                        // sandbox is built while the compiler works, and its program starts once the binary is there.
                        prestart = _runner.TryPrestartAsync(problem, plan, box, tests.Count, cancellationToken);
                    }
                    compile = await compiling.ConfigureAwait(false);
                    JudgeTelemetry.CompileDuration.Record(compile.TimeMs / 1000, JudgeTelemetry.Language(request.Language),
                        new("coderoom.compile.ok", compile.Ok), new("coderoom.compile.server", compile.ByCompileServer));
                    if (compile.Ok)
                    {
                        // Off the run's path: the run only reads the box, and the box outlives both (awaited below).
                        storing = Task.Run(() => StoreInCache(key, box, plan), CancellationToken.None);
                    }
                }
                compileActivity?.SetTag("coderoom.compile.ok", compile.Ok);
                if (!compile.Ok)
                {
                    return new JudgeResult
                    {
                        Verdict = Verdict.CompilationError,
                        Passed = 0,
                        Total = tests.Count,
                        FirstFailingTest = tests.Count > 0 ? 0 : null,
                        Compile = compile,
                        Tests = [],
                    };
                }
            }

            var held = prestart is null ? null : await prestart.ConfigureAwait(false);
            if (prestart is not null)
            {
                JudgeTelemetry.PrestartRequests.Add(1, JudgeTelemetry.Language(request.Language), JudgeTelemetry.CacheResult(held is not null));
            }
            prestart = null; // the run owns it now
            var run = await _runner.RunAsync(problem, request, plan, box, tests, held, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(problem, plan, box, tests, compile, run, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                if (prestart is not null)
                {
                    await DisposeUnusedAsync(prestart).ConfigureAwait(false);
                }
            }
            finally
            {
                try
                {
                    // Always before the box is deleted: a store reading a box being deleted could keep a partial entry.
                    if (storing is not null)
                    {
                        await storing.ConfigureAwait(false);
                    }
                }
                finally
                {
                    box.Dispose();
                    if (coldCompile is not null)
                    {
                        // The next compile of this spec finds its sandbox waiting (made now, after this run).
                        _compileSandboxes.Replenish(request.Language, coldCompile, plan.CompilerWaitsForStdin);
                    }
                }
            }
        }
    }

    private static void WriteFiles(SandboxBox box, BuildPlan plan)
    {
        foreach (var (name, contents) in plan.Files)
        {
            box.WriteFile(name, contents);
        }
    }

    /// <summary>The cache is an optimisation: a store that fails (a full disk) costs the next run a compile, never this
    /// run its result.</summary>
    private void StoreInCache(string key, SandboxBox box, BuildPlan plan)
    {
        try
        {
            _cache.Store(key, box, plan.Files.Keys.ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCacheStoreFailed(e, e.Message);
        }
    }

    /// <summary>A compile the cache did not have: the language's warm compile server when it has one, else a cold compile.</summary>
    private async Task<CompileInfo> CompileMissAsync(LanguageId language, BuildPlan plan, IReadOnlyList<string> command, SandboxBox box,
        CancellationToken cancellationToken) =>
        await _compileServers.TryCompileAsync(language, plan, box, cancellationToken).ConfigureAwait(false)
            ?? await CompileAsync(_sandbox, _options, plan, command, box, cancellationToken).ConfigureAwait(false);

    /// <summary>A sandbox started for a run that did not happen (the compile failed, or the request was cancelled). What
    /// went wrong with it is logged, never thrown over the judge's own result or exception.</summary>
    private async Task DisposeUnusedAsync(Task<IPreparedSandbox?> prestart)
    {
        try
        {
            if (await prestart.ConfigureAwait(false) is { } unused)
            {
                await unused.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // A cleanup on the way out: whatever it throws, the judge's own outcome stands.
            LogUnusedSandboxFailed(e, e.Message);
        }
    }

    private async Task<JudgeResult> FinishAsync(Problem problem, BuildPlan plan, SandboxBox box, IReadOnlyList<TestCase> tests,
        CompileInfo? compile, RunOutcome run, CancellationToken cancellationToken)
    {
        if (run.LoadError is { } loadError)
        {
            // The code could not even be loaded (a Python syntax error, a missing Solution class): report it like a
            // compile error, with the candidate's line.
            var message = loadError.Message + (loadError.Line is { } line ? $" (line {line})" : "");
            return new JudgeResult
            {
                Verdict = Verdict.CompilationError,
                Passed = 0,
                Total = tests.Count,
                FirstFailingTest = tests.Count > 0 ? 0 : null,
                Compile = new CompileInfo(false, message, compile?.TimeMs ?? 0, false),
                Tests = [],
                CpuMs = run.CpuMs,
            };
        }

        // Crashes reported as code addresses (C++) get the candidate's line from a second, sandboxed step.
        var offsets = run.Raw.SelectMany(r => r.Frames ?? []).Distinct().ToList();
        var crashLines = await CrashLocator.LocateAsync(_sandbox, plan, box, offsets, cancellationToken).ConfigureAwait(false);
        var results = tests.Select((test, i) => TestVerdicts.Finish(problem, test, run.Raw[i], CrashLocator.LineOf(run.Raw[i].Frames, crashLines)))
            .ToList();
        var firstFailing = results.FindIndex(r => r.Verdict != Verdict.Accepted);
        return new JudgeResult
        {
            Verdict = firstFailing < 0 ? Verdict.Accepted : results[firstFailing].Verdict,
            Passed = results.Count(r => r.Verdict == Verdict.Accepted),
            Total = results.Count,
            FirstFailingTest = firstFailing < 0 ? null : firstFailing,
            Compile = compile,
            Tests = results,
            CpuMs = run.CpuMs,
            PeakMemoryKb = run.PeakMemoryBytes / 1024,
        };
    }

    /// <summary>A cold compile in the sandbox (the judge's, and the live check's when no compile server is ready).</summary>
    internal static Task<CompileInfo> CompileAsync(ISandbox sandbox, JudgeOptions options, BuildPlan plan, IReadOnlyList<string> command,
        SandboxBox box, CancellationToken cancellationToken) =>
        CompileAsync(sandbox, plan, CompileSpec(options, plan, command, box), cancellationToken);

    private static async Task<CompileInfo> CompileAsync(ISandbox sandbox, BuildPlan plan, SandboxSpec spec, CancellationToken cancellationToken)
    {
        var outcome = await sandbox.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return Summarise(plan, outcome, spec.Limits.CpuTime, cancellationToken);
    }

    /// <summary>The compile step's sandbox: the box writable, the toolchain's mounts, the compile limits.</summary>
    internal static SandboxSpec CompileSpec(JudgeOptions options, BuildPlan plan, IReadOnlyList<string> command, SandboxBox box) => new()
    {
        Command = command,
        WorkingDirectory = box.Path,
        WorkingDirectoryWritable = true,
        ExtraMounts = plan.Mounts,
        Environment = plan.Environment,
        Limits = PrebuiltArtifacts.CompileLimits(options, plan),
    };

    /// <summary>A compile in a sandbox prepared ahead of time with the same spec (<see cref="CompileSandboxPool"/>). One
    /// that cannot be released (its bubblewrap died while it waited) has run nothing: the compile runs cold instead. Any
    /// other failure, its removal's included, is the sandbox's, as on a cold compile.</summary>
    private Task<CompileInfo> CompileInAsync(CompileSandboxPool.Ready waiting, BuildPlan plan, SandboxSpec spec, CancellationToken cancellationToken) =>
        CompileInAsync(_sandbox, _logger, waiting, plan, spec, cancellationToken);

    /// <summary>As the instance's: for the live check (<see cref="Checking.CodeChecker"/>), which uses the same pool.</summary>
    internal static async Task<CompileInfo> CompileInAsync(ISandbox sandbox, ILogger logger, CompileSandboxPool.Ready waiting, BuildPlan plan,
        SandboxSpec spec, CancellationToken cancellationToken)
    {
        SandboxOutcome? outcome = null;
        await using (waiting.Prepared.ConfigureAwait(false))
        {
            try
            {
                outcome = await waiting.Prepared.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            catch (SandboxUnavailableException e) when (e.CommandNeverStarted)
            {
                LogWaitingCompileFailed(logger, e, e.Message);
            }
        }
        return outcome is null
            ? await CompileAsync(sandbox, plan, spec, cancellationToken).ConfigureAwait(false)
            : Summarise(plan, outcome, spec.Limits.CpuTime, cancellationToken);
    }

    private static CompileInfo Summarise(BuildPlan plan, SandboxOutcome outcome, TimeSpan cpu, CancellationToken cancellationToken)
    {
        // The compiler echoes the candidate's source: its output is candidate text like any other.
        var output = CandidateText.Sanitize(plan.CleanCompilerOutput(CandidateText.Decode(outcome.Stderr) + CandidateText.Decode(outcome.Stdout)).Trim(),
            64 * 1024);
        var ms = outcome.WallTime.TotalMilliseconds;
        return outcome.Reason switch
        {
            TerminationReason.Exited when outcome.ExitCode == 0 => new CompileInfo(true, output, ms, false),
            TerminationReason.Exited => new CompileInfo(false, output.Length > 0 ? output : "compilation failed", ms, false),
            TerminationReason.CpuTimeLimit or TerminationReason.WallTimeLimit or TerminationReason.MemoryLimit =>
                CompileInfo.Stopped(outcome.Reason, cpu, ms)!,
            TerminationReason.OutputLimit => new CompileInfo(false, (output.Length <= 16 * 1024 ? output : output[..(16 * 1024)]) + "\n[compiler output truncated]", ms, false),
            TerminationReason.Cancelled => throw new OperationCanceledException(cancellationToken),
            _ => new CompileInfo(false, (output + "\nthe compiler crashed").Trim(), ms, false),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judged {Slug} in {Language} ({Mode}): {Verdict} {Passed}/{Total} in {WallMs:0} ms")]
    private partial void LogJudged(string slug, LanguageId language, JudgeMode mode, Verdict verdict, int passed, int total, double wallMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A compile sandbox prepared ahead of time could not be started; compiling cold: {Reason}")]
    private static partial void LogWaitingCompileFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a compile in the cache failed (the next run compiles again): {Reason}")]
    private partial void LogCacheStoreFailed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removing a run sandbox built during a compile that was not used failed: {Reason}")]
    private partial void LogUnusedSandboxFailed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox unavailable while judging {Slug}: {Reason}")]
    private partial void LogSandboxUnavailable(Exception exception, string slug, string reason);
}
