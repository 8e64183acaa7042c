using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Comparison;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Judges a candidate's code: compiles once in the sandbox, runs the tests in as few sandboxed processes as possible
/// (a new process only after a test crashed or hit a limit), and compares outputs here, outside the sandbox.
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

    public JudgeEngine(ISandbox sandbox, IEnumerable<ILanguageToolchain> languages, CompileCache cache, PrebuiltArtifacts prebuilt,
        WarmSandboxPool warm, CompileServers compileServers, IOptions<JudgeOptions> options, ILogger<JudgeEngine> logger)
    {
        _warm = warm;
        _compileServers = compileServers;
        _sandbox = sandbox;
        _cache = cache;
        _prebuilt = prebuilt;
        _languages = languages.ToDictionary(l => l.Id);
        _options = options.Value;
        _logger = logger;
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
        var tests = request.Tests ?? (request.Mode == JudgeMode.Run
            ? request.Problem.PublicTests.ToList()
            : request.Problem.Tests);
        try
        {
            var result = await JudgeCoreAsync(request, tests, cancellationToken).ConfigureAwait(false);
            result = result with { WallMs = clock.Elapsed.TotalMilliseconds };
            LogJudged(request.Problem.Slug, request.Language, request.Mode, result.Verdict, result.Passed, result.Total, result.WallMs);
            return result;
        }
        catch (SandboxUnavailableException e)
        {
            LogSandboxUnavailable(e, request.Problem.Slug, e.Message);
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
        using var box = _sandbox.CreateBox();
        foreach (var (name, contents) in plan.Files)
        {
            box.WriteFile(name, contents);
        }

        // Built once per toolchain, then mounted read-only into the compile and the runs.
        plan = await _prebuilt.MountAsync(toolchain, plan, cancellationToken).ConfigureAwait(false);

        CompileInfo? compile = null;
        if (plan.CompileCommand is { } compileCommand)
        {
            var key = CompileCache.Key(toolchain, plan);
            if (_cache.TryRestore(key, box))
            {
                compile = new CompileInfo(true, "", 0, Cached: true);
            }
            else
            {
                compile = await _compileServers.TryCompileAsync(request.Language, plan, box, cancellationToken).ConfigureAwait(false)
                    ?? await CompileAsync(plan, compileCommand, box, cancellationToken).ConfigureAwait(false);
                if (compile.Ok)
                {
                    _cache.Store(key, box, plan.Files.Keys.ToList());
                }
            }
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

        var run = await RunTestsAsync(problem, request, plan, box, tests, cancellationToken).ConfigureAwait(false);
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
        var results = tests.Select((test, i) => Finish(problem, test, run.Raw[i], CrashLocator.LineOf(run.Raw[i].Frames, crashLines)))
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

    private async Task<CompileInfo> CompileAsync(BuildPlan plan, IReadOnlyList<string> command, SandboxBox box,
        CancellationToken cancellationToken)
    {
        var limits = PrebuiltArtifacts.CompileLimits(_options, plan);
        var cpu = limits.CpuTime;
        var spec = new SandboxSpec
        {
            Command = command,
            WorkingDirectory = box.Path,
            WorkingDirectoryWritable = true,
            ExtraMounts = plan.Mounts,
            Environment = plan.Environment,
            Limits = limits,
        };
        var outcome = await _sandbox.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return Summarise(plan, outcome, cpu, cancellationToken);
    }

    private static CompileInfo Summarise(BuildPlan plan, SandboxOutcome outcome, TimeSpan cpu, CancellationToken cancellationToken)
    {
        var output = plan.CleanCompilerOutput(Decode(outcome.Stderr) + Decode(outcome.Stdout)).Trim();
        var ms = outcome.WallTime.TotalMilliseconds;
        return outcome.Reason switch
        {
            TerminationReason.Exited when outcome.ExitCode == 0 => new CompileInfo(true, output, ms, false),
            TerminationReason.Exited => new CompileInfo(false, output.Length > 0 ? output : "compilation failed", ms, false),
            TerminationReason.CpuTimeLimit or TerminationReason.WallTimeLimit or TerminationReason.MemoryLimit =>
                CompileInfo.Stopped(outcome.Reason, cpu, ms)!,
            TerminationReason.OutputLimit => new CompileInfo(false, Truncate(output, 16 * 1024) + "\n[compiler output truncated]", ms, false),
            TerminationReason.Cancelled => throw new OperationCanceledException(cancellationToken),
            _ => new CompileInfo(false, (output + "\nthe compiler crashed").Trim(), ms, false),
        };
    }

    /// <summary>What the harness and the sandbox said about one test, before comparison.</summary>
    private sealed record RawTest(Verdict? Verdict, JsonObject? Payload, string? Error, double? CpuMs, long? MemoryBytes,
        string Stdout, string Stderr)
    {
        /// <summary>Where it crashed or threw, as offsets into the executable (C++), for <see cref="CrashLocator"/>.</summary>
        public IReadOnlyList<ulong>? Frames { get; init; }
    }

    private sealed record LoadFailure(string Message, int? Line);

    private sealed record RunOutcome(RawTest[] Raw, LoadFailure? LoadError, double CpuMs, long PeakMemoryBytes);

    private async Task<RunOutcome> RunTestsAsync(Problem problem, JudgeRequest request, BuildPlan plan, SandboxBox box,
        IReadOnlyList<TestCase> tests, CancellationToken cancellationToken)
    {
        // A runtime started ahead of time takes the first process of the run; the code (or the compiled classes) comes
        // in its header.
        var warm = _warm.TryTake(request.Language, problem.Limits.MemoryLimitMb);
        try
        {
            return await RunTestsAsync(problem, request, plan, box, tests, warm, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (warm is not null)
            {
                await warm.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<RunOutcome> RunTestsAsync(Problem problem, JudgeRequest request, BuildPlan plan, SandboxBox box,
        IReadOnlyList<TestCase> tests, WarmSandboxPool.WarmSandbox? warm, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var raw = new RawTest?[tests.Count];
        var budget = TimeSpan.FromMilliseconds(Math.Max(_options.SubmissionCpuBudgetMs, 2 * problem.Limits.TimeLimitMs));
        var used = TimeSpan.Zero;
        var peak = 0L;
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var header = Header(problem.Signature, language, nonce);

        while (raw.Any(r => r is null))
        {
            var remaining = Enumerable.Range(0, tests.Count).Where(i => raw[i] is null).ToList();
            var left = budget - used;
            if (left <= TimeSpan.Zero)
            {
                foreach (var i in remaining)
                {
                    raw[i] = new RawTest(Verdict.TimeLimitExceeded, null,
                        "not run: the run's CPU budget was used up by earlier tests", null, null, "", "");
                }
                break;
            }

            var state = new ProcessState(tests, remaining);
            var stdin = new StringBuilder(warm is null ? header : WarmHeader(problem.Signature, language, nonce, request.Code, plan, box))
                .Append('\n');
            foreach (var i in remaining)
            {
                stdin.Append(i).Append('\t').Append(ArgumentsJson(problem.Signature, tests[i].Input)).Append('\n');
            }
            var memoryBytes = problem.Limits.MemoryLimitMb * 1024L * 1024;
            var startup = plan.StartupAllowance;
            var spec = new SandboxSpec
            {
                Command = plan.RunCommand,
                WorkingDirectory = box.Path,
                ExtraMounts = plan.Mounts,
                Environment = plan.Environment,
                Stdin = Encoding.UTF8.GetBytes(stdin.ToString()),
                Limits = new SandboxLimits
                {
                    CpuTime = startup + left + TimeSpan.FromMilliseconds(50),
                    WallTime = (startup + left) * 3 + TimeSpan.FromSeconds(2),
                    MemoryBytes = memoryBytes,
                    MaxProcesses = plan.MaxProcesses,
                    OutputBytes = _options.OutputLimitBytes,
                    TmpBytes = _options.TmpSizeMb * 1024L * 1024,
                    StackBytes = memoryBytes,
                },
                OnControlLine = (line, monitor) => state.OnLine(line, monitor, problem.Limits.TimeLimitMs),
            };
            SandboxOutcome outcome;
            if (warm is not null)
            {
                // Runs once. Its teardown (reaping, removing the cgroup and the box) goes on after the results are in,
                // off the request's path; the slot comes back when it is done.
                var started = warm;
                warm = null;
                try
                {
                    outcome = await started.Prepared.RunAsync(spec.Stdin, spec.OnControlLine, cancellationToken, spec.Limits.CpuTime,
                        spec.Limits.WallTime).ConfigureAwait(false);
                }
                finally
                {
                    _ = TearDownAsync(started);
                }
            }
            else
            {
                outcome = await _sandbox.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            if (outcome.Reason == TerminationReason.Cancelled)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            peak = Math.Max(peak, outcome.PeakMemoryBytes);
            used += state.LapCpu;

            if (state.LoadError is { } loadError)
            {
                return new RunOutcome([], loadError, used.TotalMilliseconds, peak);
            }

            var stdoutByTest = SplitByMarker(Decode(outcome.Stdout), nonce, outcome.StdoutTruncated);
            var stderrByTest = SplitByMarker(Decode(outcome.Stderr), nonce, outcome.StderrTruncated);
            foreach (var i in remaining)
            {
                // Output from before the first marker (load time, or a runtime that died while starting) goes with the
                // first test of the process.
                var preambleOut = i == remaining[0] ? stdoutByTest.GetValueOrDefault(-1, "") : "";
                var preambleErr = i == remaining[0] ? stderrByTest.GetValueOrDefault(-1, "") : "";
                var stdout = Truncate(preambleOut + stdoutByTest.GetValueOrDefault(i, ""), _options.OutputPerTestBytes);
                var stderr = Truncate(preambleErr + stderrByTest.GetValueOrDefault(i, ""), _options.OutputPerTestBytes);
                if (state.Results.TryGetValue(i, out var finished))
                {
                    raw[i] = new RawTest(null, finished.Payload, null, finished.CpuMs, finished.MemoryBytes, stdout, stderr)
                    {
                        Frames = finished.Payload["frames"] is JsonValue f && f.TryGetValue<string>(out var text)
                            ? ControlLine.ParseOffsets(text) : null,
                    };
                }
                else if (state.Started == i || (state.Started is null && i == remaining[0]))
                {
                    // The process ended inside this test (or before reaching it): the sandbox says why.
                    var (verdict, error) = Explain(outcome, state.Started is null, stderr, problem, tests[i]);
                    raw[i] = new RawTest(verdict, null, error, state.StartedCpuMs(outcome), outcome.PeakMemoryBytes, stdout, stderr)
                    {
                        // Only a crash by a signal has a place; a limit's kill comes from outside.
                        Frames = outcome.Reason == TerminationReason.Signaled && state.Started == i ? state.Traces.GetValueOrDefault(i) : null,
                    };
                }
            }
            if (state.Results.Count == 0 && state.Started is null && raw[remaining[0]] is { } first
                && first.Verdict is Verdict.RuntimeError && outcome.Reason == TerminationReason.Exited)
            {
                // The harness died before any test (a broken runtime): every test gets the same error, no loop.
                foreach (var i in remaining)
                {
                    raw[i] ??= first;
                }
            }
        }
        return new RunOutcome(raw.Select(r => r!).ToArray(), null, used.TotalMilliseconds, peak);
    }

    private async Task TearDownAsync(WarmSandboxPool.WarmSandbox sandbox)
    {
        try
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
        }
        catch (SandboxUnavailableException e)
        {
            LogTeardownFailed(e, e.Message);
        }
    }

    private static (Verdict Verdict, string Error) Explain(SandboxOutcome outcome, bool beforeFirstTest, string stderr,
        Problem problem, TestCase test)
    {
        var limitMs = test.TimeoutMs ?? problem.Limits.TimeLimitMs;
        var where = beforeFirstTest ? "while starting, before the first test" : "in this test";
        return outcome.Reason switch
        {
            TerminationReason.CpuTimeLimit => (Verdict.TimeLimitExceeded, $"time limit exceeded: more than {limitMs} ms of CPU time {where}"),
            TerminationReason.WallTimeLimit => (Verdict.TimeLimitExceeded, $"time limit exceeded: the code was sleeping or blocked {where}"),
            TerminationReason.MemoryLimit => (Verdict.MemoryLimitExceeded, $"memory limit exceeded: more than {problem.Limits.MemoryLimitMb} MB {where}"),
            TerminationReason.OutputLimit => (Verdict.OutputLimitExceeded, "output limit exceeded: the code printed too much"),
            TerminationReason.Signaled => (Verdict.RuntimeError, SignalNames.Describe(outcome.Signal ?? 0)),
            _ => (Verdict.RuntimeError, LastLines(stderr) is { Length: > 0 } tail
                ? $"the process exited with code {outcome.ExitCode}: {tail}"
                : $"the process exited with code {outcome.ExitCode} {where}"),
        };
    }

    private TestResult Finish(Problem problem, TestCase test, RawTest raw, int? crashLine)
    {
        var baseResult = new TestResult
        {
            Index = test.Index,
            Visibility = test.Visibility,
            Verdict = raw.Verdict ?? Verdict.Accepted,
            Input = test.Input,
            Expected = test.Expected,
            CpuMs = raw.CpuMs,
            MemoryKb = raw.MemoryBytes / 1024,
            Stdout = raw.Stdout,
            Stderr = raw.Stderr,
            Error = raw.Error,
            Category = test.Category,
        };
        if (raw.Payload is not { } payload)
        {
            return crashLine is { } where && raw.Error is { } signal
                ? baseResult with { Pass = false, Error = $"{signal} (line {where})", ErrorLine = where }
                : baseResult with { Pass = false };
        }
        var ms = payload["ms"] is JsonValue msValue && msValue.TryGetValue<double>(out var m) ? m : (double?)null;
        baseResult = baseResult with { RuntimeMs = ms };
        if (payload["ok"] is not JsonValue ok || !ok.TryGetValue<bool>(out var okValue) || !okValue)
        {
            var kind = payload["kind"]?.GetValue<string>() ?? "runtime";
            var error = payload["error"] is JsonValue e && e.TryGetValue<string>(out var text) ? text : "runtime error";
            int? line = payload["line"] is JsonValue l && l.TryGetValue<int>(out var ln) ? ln : crashLine;
            var verdict = kind == "memory" ? Verdict.MemoryLimitExceeded : Verdict.RuntimeError;
            return baseResult with
            {
                Verdict = verdict,
                Pass = false,
                Error = line is null ? error : $"{error} (line {line})",
                ErrorLine = line,
            };
        }
        var actual = payload["value"]?.DeepClone();
        var typeError = ValueValidator.Check(actual, problem.Signature.JudgedType, "$");
        if (test.Expected is null)
        {
            // A custom input without a reference answer: shown with its output only.
            return baseResult with { Actual = actual, Pass = null };
        }
        if (typeError is not null)
        {
            return baseResult with { Actual = actual, Verdict = Verdict.WrongAnswer, Pass = false, DiffPath = "$", Error = "the returned value has the wrong type: " + typeError };
        }
        var comparison = OutputComparer.Compare(actual, test.Expected, problem.Compare, test.Tolerance);
        return baseResult with
        {
            Actual = actual,
            Verdict = comparison.Pass ? Verdict.Accepted : Verdict.WrongAnswer,
            Pass = comparison.Pass,
            DiffPath = comparison.DiffPath,
        };
    }

    /// <summary>The header for a runtime started ahead of time, whose box is empty: an interpreter gets the code,
    /// a JVM the compiled classes (read from the compile's box without following links).</summary>
    private static string WarmHeader(Signature signature, LanguageId language, string nonce, string code, BuildPlan plan, SandboxBox box)
    {
        if (plan.CompileCommand is null)
        {
            return Header(signature, language, nonce, code);
        }
        var files = SafeRead.RegularFiles(box.Path, maxFileBytes: 16L << 20, maxTotalBytes: 32L << 20)
            ?? throw new SandboxUnavailableException("the compiled classes are unreadable or too large to hand over");
        var classes = new JsonObject();
        foreach (var (name, bytes) in files.Where(f => f.Key.EndsWith(".class", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            classes[name[..^".class".Length]] = Convert.ToBase64String(bytes);
        }
        return Header(signature, language, nonce, null, classes);
    }

    private static string Header(Signature signature, LanguageId language, string nonce, string? code = null, JsonObject? classes = null)
    {
        var header = new JsonObject
        {
            ["nonce"] = nonce,
            // The name to call in this language (function_names overrides function_name per language).
            ["function"] = signature.FunctionNameFor(language),
            ["function_names"] = new JsonObject(signature.FunctionNames.Select(kv =>
                KeyValuePair.Create(kv.Key.WireName(), (JsonNode?)JsonValue.Create(kv.Value)))),
            ["params"] = new JsonArray(signature.Params.Select(p =>
                (JsonNode?)new JsonObject { ["name"] = p.Name, ["type"] = p.Type.ToString() }).ToArray()),
            ["return_type"] = signature.ReturnType.ToString(),
            ["output_param"] = signature.OutputParam,
        };
        if (code is not null)
        {
            header["code"] = code;
        }
        if (classes is not null)
        {
            header["classes"] = classes;
        }
        return header.ToJsonString();
    }

    private static string ArgumentsJson(Signature signature, JsonObject input)
    {
        var args = new JsonArray();
        foreach (var p in signature.Params)
        {
            args.Add(input[p.Name]?.DeepClone());
        }
        return args.ToJsonString();
    }

    /// <summary>Splits a captured stream on the harness's per-test markers (\x1e nonce:index \x1e).</summary>
    private static Dictionary<int, string> SplitByMarker(string text, string nonce, bool truncated)
    {
        var result = new Dictionary<int, string>();
        var marker = "\u001e" + nonce + ":";
        var current = -1;
        var position = 0;
        var preamble = "";
        while (true)
        {
            var at = text.IndexOf(marker, position, StringComparison.Ordinal);
            var segment = at < 0 ? text[position..] : text[position..at];
            if (current < 0)
            {
                preamble = segment;
                if (preamble.Length > 0)
                {
                    result[-1] = preamble;
                }
            }
            else
            {
                result[current] = result.GetValueOrDefault(current, "") + segment;
            }
            if (at < 0)
            {
                break;
            }
            var end = text.IndexOf('\u001e', at + marker.Length);
            if (end < 0 || !int.TryParse(text.AsSpan(at + marker.Length, end - at - marker.Length), out var index))
            {
                break;
            }
            current = index;
            position = end + 1;
        }
        if (truncated)
        {
            result[current] = result.GetValueOrDefault(current, "") + "\n[output truncated]";
        }
        return result;
    }

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string Truncate(string text, int max) =>
        text.Length <= max ? text : text[..max] + "\n[output truncated]";

    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\n", lines.TakeLast(3)).Trim();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judged {Slug} in {Language} ({Mode}): {Verdict} {Passed}/{Total} in {WallMs:0} ms")]
    private partial void LogJudged(string slug, LanguageId language, JudgeMode mode, Verdict verdict, int passed, int total, double wallMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tearing down a sandbox failed: {Reason}")]
    private partial void LogTeardownFailed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox unavailable while judging {Slug}: {Reason}")]
    private partial void LogSandboxUnavailable(Exception exception, string slug, string reason);

    /// <summary>What one sandboxed process reported on its control channel.</summary>
    private sealed class ProcessState(IReadOnlyList<TestCase> tests, IReadOnlyList<int> expectedOrder)
    {
        private readonly HashSet<int> _expected = [.. expectedOrder];
        private readonly Lock _lock = new();

        public int? Started { get; private set; }
        public Dictionary<int, (JsonObject Payload, double CpuMs, long MemoryBytes)> Results { get; } = [];
        public LoadFailure? LoadError { get; private set; }
        public Dictionary<int, IReadOnlyList<ulong>> Traces { get; } = [];
        public TimeSpan LapCpu { get; private set; }
        private TimeSpan _startCpu;

        public double? StartedCpuMs(SandboxOutcome outcome) =>
            Started is null ? null : Math.Max(0, (outcome.CpuTime - _startCpu).TotalMilliseconds);

        public void OnLine(string line, ISandboxMonitor monitor, int defaultLimitMs)
        {
            lock (_lock)
            {
                switch (ControlLine.Parse(line))
                {
                    case ControlLine.Start start when _expected.Contains(start.Index) && !Results.ContainsKey(start.Index):
                        Started = start.Index;
                        var limit = tests[start.Index].TimeoutMs ?? defaultLimitMs;
                        _startCpu = monitor.CpuTime;
                        monitor.StartLap(start.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(limit));
                        break;
                    case ControlLine.Result result when result.Index == Started:
                        var lap = monitor.EndLap();
                        LapCpu += lap.CpuTime;
                        Results[result.Index] = (result.Payload, lap.CpuTime.TotalMilliseconds, lap.PeakMemoryBytes);
                        Started = null;
                        break;
                    case ControlLine.Trace trace when trace.Index == Started:
                        Traces[trace.Index] = trace.Offsets;
                        break;
                    case ControlLine.LoadError error when Started is null && Results.Count == 0:
                        var message = error.Payload["error"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "the code could not be loaded";
                        int? lineNumber = error.Payload["line"] is JsonValue l && l.TryGetValue<int>(out var n) ? n : null;
                        LoadError = new LoadFailure(message, lineNumber);
                        break;
                    default:
                        // Lines out of order or malformed: candidate code may write to fd 3 too. Ignored.
                        break;
                }
            }
        }
    }
}
