namespace CodeRoom.Bench;

/// <summary>The admin dashboard's timing section of docs/benchmarks.md, written by `coderoom db stats-timing --output`
/// (issue 13), carried over when the main bench rewrites the file.</summary>
internal static class AdminStatsSection
{
    public const string StartMarker = "<!-- admin-stats:start -->";
    public const string EndMarker = "<!-- admin-stats:end -->";

    public static string? Section(string existing)
    {
        var start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        return start >= 0 && end > start ? existing[start..(end + EndMarker.Length)] + "\n" : null;
    }
}
