using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Checking;

namespace CodeRoom.Judge.Languages.Go;

/// <summary>
/// The Go compiler's diagnostics ("solution.go:4:5: undefined: missing"), already in the candidate's lines by the
/// //line directive <see cref="GoSource.Compose"/> writes; continuation lines (a tab first: "have (int)", "want
/// (string)") belong to the message before them.
/// </summary>
internal static partial class GoDiagnostics
{
    /// <summary>
    /// A message in another file (judge_call.go, when the function was renamed or its parameters changed) goes to the
    /// candidate's first top-level func: Run reports the same error, and the editor must show it where the candidate
    /// can act.
    /// </summary>
    public static IReadOnlyList<CodeDiagnostic> Parse(string output, string code)
    {
        var lines = DiagnosticText.Lines(code);
        var found = new List<(int Line, int Column, StringBuilder Message)>();
        foreach (var raw in output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var m = Header().Match(raw);
            if (m.Success)
            {
                var mine = m.Groups["file"].Value == GoSource.CandidateFile;
                var line = mine ? DiagnosticText.Number(m.Groups["line"].Value) : DiagnosticText.FirstLineMatching(lines, TopLevelFunc());
                var column = mine ? DiagnosticText.Number(m.Groups["column"].Value) : 1;
                found.Add((line, column, new StringBuilder(m.Groups["message"].Value)));
            }
            else if (raw.StartsWith('\t') && found.Count > 0 && raw.Trim().Length > 0)
            {
                found[^1].Message.Append('\n').Append(raw.Trim());
            }
        }
        return [.. found.Select(f => DiagnosticText.At(lines, f.Line, f.Column, "error", f.Message.ToString()))];
    }

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*\.go):(?<line>\d+):(?<column>\d+): (?<message>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^func\b")]
    private static partial Regex TopLevelFunc();
}
