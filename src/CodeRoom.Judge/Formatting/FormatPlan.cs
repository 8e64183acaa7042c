namespace CodeRoom.Judge.Formatting;

/// <summary>
/// A language's formatter run on the server (issue 15: only where no formatter runs in the browser, which is Rust): a
/// command that reads the candidate's code on stdin and writes the formatted code on stdout, exiting non-zero when the
/// code does not parse. <see cref="Describe"/> turns its stderr into the first error, short and in the candidate's lines
/// ("line 2: expected ...").
/// </summary>
public sealed record FormatPlan(IReadOnlyList<string> Command, Func<string, string> Describe)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The formatter's binary, for `coderoom doctor`.</summary>
    public string Executable => Command[0];
}

/// <summary>The answer of a format: the formatted code, or null and why the code was left as it is.</summary>
public sealed record FormatResult(string? Formatted, string? Message, double WallMs);
