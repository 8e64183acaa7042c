using System.Text.RegularExpressions;
using CodeRoom.Judge.Formatting;

namespace CodeRoom.Judge.Languages.Rust;

/// <summary>
/// rustfmt for the editor's Format (issue 15): Debian's rustfmt-web, the same 1.96 release as rustc-web, edition 2021
/// as the judge compiles. No WebAssembly build of rustfmt exists, so it runs on the server, in the sandbox. Code on stdin
/// is the candidate's file as it is, so the line in rustfmt's parse error is the candidate's own.
/// </summary>
internal static partial class RustFormat
{
    /// <summary>By its full path, as the compiler: a rustup toolchain earlier in PATH is not what production has.</summary>
    public const string Formatter = "/usr/bin/rustfmt";

    public static readonly FormatPlan Plan = new(
        [Formatter, "--edition", "2021", "--emit", "stdout", "--color", "never"],
        Describe)
    {
        Environment = new Dictionary<string, string>
        {
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
            ["PATH"] = "/usr/bin:/bin",
        },
    };

    /// <summary>
    /// rustfmt's first error ("error: expected one of `:`, `@`, or `|`, found `)`") and its place (" --> &lt;stdin&gt;:2:31")
    /// as "line 2: expected ...": the editor shows it next to the Format button, short.
    /// </summary>
    internal static string Describe(string stderr)
    {
        var lines = stderr.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = Array.FindIndex(lines, l => Header().IsMatch(l));
        if (index < 0)
        {
            var first = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            return first ?? "rustfmt could not format the code";
        }
        var message = Header().Match(lines[index]).Groups["message"].Value.Trim();
        for (var i = index + 1; i < lines.Length && i <= index + 3; i++)
        {
            if (Place().Match(lines[i]) is { Success: true } place)
            {
                return $"line {place.Groups["line"].Value}: {message}";
            }
        }
        return message;
    }

    [GeneratedRegex(@"^error(?:\[E\d+\])?: (?<message>.+)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*--> .*:(?<line>\d+):(?<column>\d+)\s*$")]
    private static partial Regex Place();
}
