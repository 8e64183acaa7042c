using System.Diagnostics;
using System.Text;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Formatting;

/// <summary>
/// Formats a candidate's code on the server (POST /api/coding/format, issue 15) for the languages with no formatter in
/// the browser (Rust: no WebAssembly build of rustfmt exists). The formatter parses hostile text, so it runs in the
/// sandbox like a compile, under the live check's small CPU budget (<see cref="JudgeOptions.CheckCpuMs"/>) and the
/// editor's concurrency cap shared with it (<see cref="Checking.EditorSlots"/>): a Format press is as cheap to send as a keystroke's check.
/// </summary>
public sealed partial class CodeFormatter
{
    private readonly ISandbox _sandbox;
    private readonly IReadOnlyDictionary<LanguageId, ILanguageToolchain> _languages;
    private readonly JudgeOptions _options;
    private readonly ILogger<CodeFormatter> _logger;
    private readonly Checking.EditorSlots _slots;

    /// <summary>Formatting may lengthen code (indentation, one item a line): room for that beyond the request's size cap.</summary>
    private const int OutputBytes = 512 * 1024;

    /// <summary>How long a format waits for a turn before it is answered as not done (the candidate can press again).</summary>
    private static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(2);

    public CodeFormatter(ISandbox sandbox, IEnumerable<ILanguageToolchain> languages, Checking.EditorSlots slots, IOptions<JudgeOptions> options,
        ILogger<CodeFormatter> logger)
    {
        _sandbox = sandbox;
        _languages = languages.ToDictionary(l => l.Id);
        _options = options.Value;
        _logger = logger;
        _slots = slots;
    }

    /// <summary>Whether the language is formatted here (else the browser formats it, or nothing does).</summary>
    public bool Formats(LanguageId language) => _languages.TryGetValue(language, out var toolchain) && toolchain.Format() is not null;

    /// <summary>Null when the language has no server-side formatter.</summary>
    public async Task<FormatResult?> FormatAsync(LanguageId language, string code, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!_languages.TryGetValue(language, out var toolchain) || toolchain.Format() is not { } plan)
        {
            return null;
        }
        using var slot = await _slots.TryEnterAsync(TurnWait, cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return new FormatResult(null, "the server is busy; the code was left as it is", clock.Elapsed.TotalMilliseconds);
        }
        var result = await FormatCoreAsync(plan, code, clock, cancellationToken).ConfigureAwait(false);
        LogFormatted(language, result.Formatted is not null, result.WallMs);
        return result;
    }

    private async Task<FormatResult> FormatCoreAsync(FormatPlan plan, string code, Stopwatch clock, CancellationToken cancellationToken)
    {
        // An empty, read-only working directory: the formatter looks for a config file from there up, and finds none.
        using var box = _sandbox.CreateBox();
        var cpu = TimeSpan.FromMilliseconds(_options.CheckCpuMs);
        var outcome = await _sandbox.RunAsync(new SandboxSpec
        {
            Command = plan.Command,
            WorkingDirectory = box.Path,
            Environment = plan.Environment,
            Stdin = new UTF8Encoding(false).GetBytes(SignatureFacts.NormaliseNewlines(code)),
            Limits = new SandboxLimits
            {
                CpuTime = cpu,
                WallTime = cpu * 2 + TimeSpan.FromSeconds(2),
                MemoryBytes = 512L * 1024 * 1024,
                MaxProcesses = 16,
                OutputBytes = OutputBytes,
                // A formatter's ordinary stack (a shell's default), not a run's 256 MB: nesting past it is a crash
                // answered with a message in a tenth of a second, not hundreds of megabytes of recursion.
                StackBytes = 8L * 1024 * 1024,
            },
        }, cancellationToken).ConfigureAwait(false);
        var ms = clock.Elapsed.TotalMilliseconds;
        return outcome.Reason switch
        {
            TerminationReason.Exited when outcome.ExitCode == 0 && !outcome.StdoutTruncated =>
                new FormatResult(Encoding.UTF8.GetString(outcome.Stdout), null, ms),
            // A runtime's abort (rustfmt's stack overflow) exits 128 + the signal through the sandbox's init.
            TerminationReason.Exited when outcome.ExitCode > 128 => new FormatResult(null, "the formatter crashed; the code was left as it is", ms),
            // Non-zero: the code does not parse; the formatter's first error says where.
            TerminationReason.Exited => new FormatResult(null, "the code does not parse (" + plan.Describe(
                CandidateText.Sanitize(CandidateText.Decode(outcome.Stderr), 16 * 1024)) + ")", ms),
            TerminationReason.CpuTimeLimit or TerminationReason.WallTimeLimit =>
                new FormatResult(null, $"the formatter was stopped after {cpu.TotalSeconds:0.#} s of CPU; the code was left as it is", ms),
            TerminationReason.MemoryLimit => new FormatResult(null, "the formatter ran out of memory; the code was left as it is", ms),
            TerminationReason.OutputLimit => new FormatResult(null, "the formatted code is too long; the code was left as it is", ms),
            TerminationReason.Cancelled => throw new OperationCanceledException(cancellationToken),
            _ => new FormatResult(null, "the formatter crashed; the code was left as it is", ms),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Formatted {Language} code (formatted: {Ok}) in {WallMs:0} ms")]
    private partial void LogFormatted(LanguageId language, bool ok, double wallMs);
}
