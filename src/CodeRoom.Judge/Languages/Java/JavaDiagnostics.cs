using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Checking;

namespace CodeRoom.Judge.Languages.Java;

/// <summary>javac's diagnostics, already shifted to the candidate's lines by <see cref="JavaToolchain.CleanCompilerOutput"/>:
/// "Solution.java:3: error: cannot find symbol", the source line, a caret under the column, then detail lines
/// ("symbol: variable x") that belong in the message.</summary>
internal static partial class JavaDiagnostics
{
    public static IReadOnlyList<CodeDiagnostic> Parse(string output, string code)
    {
        var lines = DiagnosticText.Lines(code);
        var found = new List<CodeDiagnostic>();
        var text = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < text.Length; i++)
        {
            var m = Header().Match(text[i]);
            if (!m.Success)
            {
                continue;
            }
            var row = DiagnosticText.Number(m.Groups["line"].Value);
            var message = new StringBuilder(m.Groups["message"].Value);
            var column = 1;
            var j = i + 1;
            for (; j < text.Length && !Header().IsMatch(text[j]) && !Summary().IsMatch(text[j]); j++)
            {
                // The caret line follows the echoed source line; javac keeps the source's tabs in it, so its index is the column.
                var caret = text[j].IndexOf('^', StringComparison.Ordinal);
                if (caret >= 0 && text[j].Trim() == "^" && j > i + 1)
                {
                    column = caret + 1;
                }
                else if (j > i + 2 && text[j].Trim().Length > 0)
                {
                    message.Append('\n').Append(text[j].Trim());
                }
            }
            found.Add(DiagnosticText.At(lines, row, column, m.Groups["severity"].Value, message.ToString()));
            i = j - 1;
        }
        return found;
    }

    [GeneratedRegex(@"^Solution\.java:(?<line>\d+): (?<severity>error|warning): (?<message>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\d+ (error|warning)s?$")]
    private static partial Regex Summary();
}
