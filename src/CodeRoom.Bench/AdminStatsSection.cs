namespace CodeRoom.Bench;

/// <summary>Sections of docs/benchmarks.md written by something else than the main bench, carried over when it rewrites
/// the file: the admin dashboard's timing (`coderoom db stats-timing --output`, issue 13) and the C++ sanitizers'
/// measurements (issue 14, by hand: their before/after needs two builds of the judge).</summary>
internal static class AdminStatsSection
{
    public const string StartMarker = "<!-- admin-stats:start -->";
    public const string EndMarker = "<!-- admin-stats:end -->";

    private static readonly (string Start, string End)[] Kept =
    [
        (StartMarker, EndMarker),
        ("<!-- cpp-sanitizers:start -->", "<!-- cpp-sanitizers:end -->"),
    ];

    /// <summary>The kept sections found in <paramref name="existing"/>, in that order, or null when there is none.</summary>
    public static string? Section(string existing)
    {
        var found = new List<string>();
        foreach (var (startMarker, endMarker) in Kept)
        {
            var start = existing.IndexOf(startMarker, StringComparison.Ordinal);
            var end = existing.IndexOf(endMarker, StringComparison.Ordinal);
            if (start >= 0 && end > start)
            {
                found.Add(existing[start..(end + endMarker.Length)] + "\n");
            }
        }
        return found.Count > 0 ? string.Join("\n", found) : null;
    }
}
