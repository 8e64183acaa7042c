using System.Diagnostics;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Checking;

/// <summary>
/// Live diagnostics for compiled languages (issue 15): the language's syntax-and-type pass over the candidate's code
/// and the judge's own harness, in the sandbox like every compile (a compiler reads hostile text), on the warm compile
/// server when the language has one, under <see cref="JudgeOptions.CheckCpuMs"/>. Nothing is cached and nothing runs.
/// A check whose compiler waits loaded for its stdin (Rust) takes the compile sandbox the previous check left waiting
/// (<see cref="CompileSandboxPool"/>: its own spec, apart from Run's), and leaves the next one.
/// </summary>
public sealed partial class CodeChecker
{
    private readonly ISandbox _sandbox;
    private readonly IReadOnlyDictionary<LanguageId, ILanguageToolchain> _languages;
    private readonly PrebuiltArtifacts _prebuilt;
    private readonly CompileServers _compileServers;
    private readonly CompileSandboxPool _compileSandboxes;
    private readonly JudgeOptions _options;
    private readonly ILogger<CodeChecker> _logger;
    private readonly EditorSlots _slots;

    /// <summary>How long a check waits for a turn before it is answered as skipped (the candidate has typed on anyway).</summary>
    private static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(1);

    public CodeChecker(ISandbox sandbox, IEnumerable<ILanguageToolchain> languages, PrebuiltArtifacts prebuilt, CompileServers compileServers,
        CompileSandboxPool compileSandboxes, EditorSlots slots, IOptions<JudgeOptions> options, ILogger<CodeChecker> logger)
    {
        _compileSandboxes = compileSandboxes;
        _sandbox = sandbox;
        _languages = languages.ToDictionary(l => l.Id);
        _prebuilt = prebuilt;
        _compileServers = compileServers;
        _options = options.Value;
        _logger = logger;
        _slots = slots;
    }

    /// <summary>Null when the language has no server-side check (it is checked in the browser).</summary>
    public async Task<CheckResult?> CheckAsync(Signature signature, LanguageId language, string code, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!_languages.TryGetValue(language, out var toolchain) || toolchain.Check(signature, code) is not { } check)
        {
            return null;
        }
        using var slot = await _slots.TryEnterAsync(TurnWait, cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return new CheckResult([], false, "the server is busy; the code was not checked", clock.Elapsed.TotalMilliseconds);
        }
        return await CheckCoreAsync(toolchain, check, language, code, clock, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CheckResult> CheckCoreAsync(ILanguageToolchain toolchain, CheckPlan check, LanguageId language, string code,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        var box = _sandbox.CreateBox();
        SandboxSpec? pooled = null;
        CompileInfo compile;
        try
        {
            foreach (var (name, contents) in check.Build.Files)
            {
                box.WriteFile(name, contents);
            }
            // The prebuilt harness is the judge's (same key), built with a compile's budget if a check comes first; the
            // check itself gets its own, smaller CPU budget: a candidate typing is not worth a full compile's 10-20 s.
            var plan = await _prebuilt.MountAsync(toolchain, check.Build, cancellationToken).ConfigureAwait(false);
            plan = plan with { CompileCpuTime = TimeSpan.FromMilliseconds(Math.Min(_options.CheckCpuMs, plan.CompileCpuTime.TotalMilliseconds)) };
            pooled = plan.CompilerWaitsForStdin ? JudgeEngine.CompileSpec(_options, plan, plan.CompileCommand!, box) : null;
            if (pooled is not null && await _compileSandboxes.TryTakeWithFilesAsync(language, pooled, check.Build.Files).ConfigureAwait(false) is { } waiting)
            {
                // Its box becomes the check's (deleted below); the sandbox is CompileInAsync's.
                box.Dispose();
                box = waiting.Box;
                compile = await JudgeEngine.CompileInAsync(_sandbox, _logger, waiting, plan, pooled with { WorkingDirectory = box.Path }, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                compile = await _compileServers.TryCompileAsync(language, plan, box, cancellationToken).ConfigureAwait(false)
                    ?? await JudgeEngine.CompileAsync(_sandbox, _options, plan, plan.CompileCommand!, box, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            box.Dispose();
            if (pooled is not null)
            {
                _compileSandboxes.Replenish(language, pooled, compilerWaitsForStdin: true, CompileSandboxPool.Purpose.Check);
            }
        }
        var stopped = compile.StoppedByLimit;
        var diagnostics = check.Diagnostics(compile.Output, code);
        if (!compile.Ok && !stopped && diagnostics.All(d => d.Severity != "error"))
        {
            // A failed compile always shows as an error, even in a format the parser does not know.
            diagnostics = [.. diagnostics, DiagnosticText.Unplaced(DiagnosticText.Lines(code), compile.Output)];
        }
        var ms = clock.Elapsed.TotalMilliseconds;
        LogChecked(language, diagnostics.Count, compile.ByCompileServer, ms);
        return new CheckResult(diagnostics, !stopped, stopped ? compile.Output : null, ms);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checked {Language} code: {Count} diagnostics (compile server: {ByServer}) in {WallMs:0} ms")]
    private partial void LogChecked(LanguageId language, int count, bool byServer, double wallMs);
}
