using System.Globalization;

namespace CodeRoom.Judge.Checking;

/// <summary>Helpers the languages' diagnostic parsers share: compilers give a point, an editor wants a range.</summary>
public static class DiagnosticText
{
    /// <summary>The candidate's code split into lines as the editor numbers them.</summary>
    public static string[] Lines(string code) => Languages.SignatureFacts.NormaliseNewlines(code).Split('\n');

    /// <summary>A diagnostic at (line, column) spanning the identifier or token there (at least one character), clamped
    /// to the code's lines so a marker never points past the file.</summary>
    public static CodeDiagnostic At(string[] lines, int line, int column, string severity, string message)
    {
        line = Math.Clamp(line, 1, Math.Max(1, lines.Length));
        var text = lines.Length >= line ? lines[line - 1] : "";
        column = Math.Clamp(column, 1, text.Length + 1);
        var end = column - 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '$'))
        {
            end++;
        }
        if (end == column - 1)
        {
            end = Math.Min(text.Length, column);
        }
        var endColumn = Math.Max(end + 1, column + 1);
        return new CodeDiagnostic(line, column, line, endColumn, severity, message.Trim());
    }

    /// <summary>The 1-based number of the first line matching the pattern (where the declaration an error outside the
    /// candidate's file belongs to starts), else 1.</summary>
    public static int FirstLineMatching(string[] lines, System.Text.RegularExpressions.Regex pattern)
    {
        var index = Array.FindIndex(lines, pattern.IsMatch);
        return index < 0 ? 1 : index + 1;
    }

    public static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The first line of a message the parser could not place (an unexpected format): shown at line 1 so a
    /// failed check is never an empty, clean-looking editor.</summary>
    public static CodeDiagnostic Unplaced(string[] lines, string output)
    {
        var first = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "compilation failed";
        return At(lines, 1, 1, "error", first);
    }
}
