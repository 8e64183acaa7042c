using System.Text.RegularExpressions;
using CodeRoom.Judge.Checking;

namespace CodeRoom.Judge.Languages.CSharp;

/// <summary>
/// Roslyn's diagnostics as <see cref="CSharpToolchain.CleanCompilerOutput"/> leaves them, LeetCode's way: "Line 3: Char
/// 17: error CS0029: Cannot implicitly convert type 'long' to 'string' (in Solution.cs)". The #line directive after
/// the prelude already puts them in the candidate's lines. The harness calls the method by reflection, so there is no
/// generated call site to misplace an error in; anything else (a message with no place) is shown by the checker as
/// unplaced on line 1.
/// </summary>
internal static partial class CSharpDiagnostics
{
    public static IReadOnlyList<CodeDiagnostic> Parse(string output, string code)
    {
        var lines = DiagnosticText.Lines(code);
        return [.. Message().Matches(output.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => DiagnosticText.At(lines,
            DiagnosticText.Number(m.Groups["line"].Value), DiagnosticText.Number(m.Groups["column"].Value),
            m.Groups["severity"].Value, m.Groups["message"].Value + " (" + m.Groups["code"].Value + ")"))];
    }

    [GeneratedRegex(@"^Line (?<line>\d+): Char (?<column>\d+): (?<severity>error|warning) (?<code>CS\d+): (?<message>.*?)(?: \(in Solution\.cs\))?$", RegexOptions.Multiline)]
    private static partial Regex Message();
}
