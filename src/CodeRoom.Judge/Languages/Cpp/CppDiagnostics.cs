using System.Text.RegularExpressions;
using CodeRoom.Judge.Checking;

namespace CodeRoom.Judge.Languages.Cpp;

/// <summary>clang's diagnostics ("solution.cpp:3:9: error: ...") as the candidate's markers.</summary>
internal static partial class CppDiagnostics
{
    /// <summary>
    /// Messages in the candidate's file keep their place. One in another file (the harness's call site when the method's
    /// signature changed, a standard header inside a template the candidate instantiated) goes to the first later note
    /// in the candidate's file ("in instantiation of ... requested here"), else to the line declaring Solution: Run
    /// reports the same error, and the editor must show it somewhere the candidate can act.
    /// </summary>
    public static IReadOnlyList<CodeDiagnostic> Parse(string output, string code)
    {
        var lines = DiagnosticText.Lines(code);
        var found = new List<CodeDiagnostic>();
        (string Severity, string Message)? foreign = null;
        foreach (var line in output.Split('\n'))
        {
            var m = Header().Match(line.TrimEnd('\r'));
            if (!m.Success)
            {
                continue;
            }
            var severity = m.Groups["severity"].Value;
            var message = m.Groups["message"].Value;
            var mine = m.Groups["file"].Value == CppToolchain.CandidateFile;
            var row = DiagnosticText.Number(m.Groups["line"].Value);
            var column = DiagnosticText.Number(m.Groups["column"].Value);
            if (severity == "note")
            {
                if (mine && foreign is { } pending)
                {
                    found.Add(DiagnosticText.At(lines, row, column, pending.Severity, pending.Message));
                    foreign = null;
                }
                continue;
            }
            severity = severity == "warning" ? "warning" : "error";
            if (mine)
            {
                Flush(ref foreign, found, lines);
                found.Add(DiagnosticText.At(lines, row, column, severity, message));
            }
            else
            {
                Flush(ref foreign, found, lines);
                foreign = (severity, message);
            }
        }
        Flush(ref foreign, found, lines);
        return found;
    }

    private static void Flush(ref (string Severity, string Message)? foreign, List<CodeDiagnostic> found, string[] lines)
    {
        if (foreign is { } pending)
        {
            found.Add(DiagnosticText.At(lines, DiagnosticText.FirstLineMatching(lines, SolutionClass()), 1, pending.Severity, pending.Message));
            foreign = null;
        }
    }

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?<column>\d+): (?<severity>fatal error|error|warning|note): (?<message>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"\b(class|struct)\s+Solution\b")]
    private static partial Regex SolutionClass();
}
