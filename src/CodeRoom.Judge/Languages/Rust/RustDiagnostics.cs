using System.Text.RegularExpressions;
using CodeRoom.Judge.Checking;

namespace CodeRoom.Judge.Languages.Rust;

/// <summary>
/// rustc's human-readable diagnostics: a header ("error[E0425]: cannot find value `missing` in this scope"), then its
/// place (" --> solution.rs:3:21": judge_call.rs includes the candidate's file whole, so its lines are the candidate's),
/// then the source with carets whose label ("expected `String`, found `i64`") belongs in the message. The human format,
/// not JSON: it is what Run shows, and JSON repeats each error code's long explanation, which the output cap would cut.
/// </summary>
internal static partial class RustDiagnostics
{
    /// <summary>
    /// A message placed in another file (judge_call.rs, when the method was renamed or its parameters changed) goes to
    /// the line opening <c>impl Solution</c>: Run reports the same error, and the editor must show it where the
    /// candidate can act. A header with no place ("aborting due to 2 previous errors") is a summary, not a diagnostic.
    /// </summary>
    public static IReadOnlyList<CodeDiagnostic> Parse(string output, string code)
    {
        var lines = DiagnosticText.Lines(code);
        var found = new List<CodeDiagnostic>();
        var text = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < text.Length; i++)
        {
            var header = Header().Match(text[i]);
            if (!header.Success || i + 1 >= text.Length || Place().Match(text[i + 1]) is not { Success: true } place)
            {
                continue;
            }
            var message = header.Groups["message"].Value;
            // The primary caret's label, within this diagnostic's snippet.
            for (var j = i + 2; j < text.Length && !Header().IsMatch(text[j]) && text[j].Length > 0; j++)
            {
                if (Caret().Match(text[j]) is { Success: true } caret)
                {
                    message += "\n" + caret.Groups["label"].Value.Trim();
                    break;
                }
            }
            var severity = header.Groups["severity"].Value == "warning" ? "warning" : "error";
            found.Add(place.Groups["file"].Value == RustToolchain.CandidateFile
                ? DiagnosticText.At(lines, DiagnosticText.Number(place.Groups["line"].Value), DiagnosticText.Number(place.Groups["column"].Value), severity, message)
                : DiagnosticText.At(lines, DiagnosticText.FirstLineMatching(lines, ImplSolutionLine()), 1, severity, message));
            i++;
        }
        return found;
    }

    [GeneratedRegex(@"^(?<severity>error|warning)(?:\[E\d+\])?: (?<message>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*--> (?<file>[^:\s][^:]*):(?<line>\d+):(?<column>\d+)\s*$")]
    private static partial Regex Place();

    // "4 |         let t: String = a;" is the source; "  |                ------   ^ expected `String`, found `i64`" the carets.
    [GeneratedRegex(@"^\s*\|[\s|\-]*\^+ (?<label>[^\^]+)$")]
    private static partial Regex Caret();

    [GeneratedRegex(@"^\s*impl\b.*\bSolution\b")]
    private static partial Regex ImplSolutionLine();
}
