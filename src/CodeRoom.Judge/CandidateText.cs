using System.Text;

namespace CodeRoom.Judge;

/// <summary>
/// Text that came out of the candidate's process (error messages, stdout, stderr): capped and cleaned before it is
/// stored or shown, whatever the process wrote.
/// </summary>
public static class CandidateText
{
    /// <summary>Keeps at most <paramref name="maxChars"/> characters, drops control characters other than newline and
    /// tab (NUL included: PostgreSQL text cannot hold it, and terminals should not get escapes) and the harness's marker
    /// character, and marks a cut.</summary>
    public static string Sanitize(string text, int maxChars)
    {
        var cut = text.Length > maxChars;
        var span = cut ? text.AsSpan(0, maxChars) : text.AsSpan();
        var clean = true;
        foreach (var c in span)
        {
            if (IsDropped(c))
            {
                clean = false;
                break;
            }
        }
        string result;
        if (clean)
        {
            result = span.ToString();
        }
        else
        {
            var sb = new StringBuilder(span.Length);
            foreach (var c in span)
            {
                if (!IsDropped(c))
                {
                    sb.Append(c);
                }
            }
            result = sb.ToString();
        }
        // A cut may split a surrogate pair: drop the lone half.
        if (result.Length > 0 && char.IsHighSurrogate(result[^1]))
        {
            result = result[..^1];
        }
        return cut ? result + "\n[truncated]" : result;
    }

    private static bool IsDropped(char c) => (c < ' ' && c != '\n' && c != '\t') || c == '\u007f' || c == '\u001e';

    /// <summary>Bytes the candidate's process wrote, as text (invalid UTF-8 becomes U+FFFD).</summary>
    public static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static string LastLines(string text, int lines = 3) =>
        string.Join("\n", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines)).Trim();

    /// <summary>Splits a captured stream on the harness's per-test markers (\x1e nonce:index \x1e). Text before the
    /// first marker is under -1. The markers are written by the harness in the candidate's process, so they only
    /// sort the candidate's own output.</summary>
    public static Dictionary<int, string> SplitByMarker(string text, string nonce, bool truncated)
    {
        var result = new Dictionary<int, string>();
        var marker = "\u001e" + nonce + ":";
        var current = -1;
        var position = 0;
        while (true)
        {
            var at = text.IndexOf(marker, position, StringComparison.Ordinal);
            var segment = at < 0 ? text[position..] : text[position..at];
            if (segment.Length > 0 || current >= 0)
            {
                result[current] = result.GetValueOrDefault(current, "") + segment;
            }
            if (at < 0)
            {
                break;
            }
            var end = text.IndexOf('\u001e', at + marker.Length);
            if (end < 0 || !int.TryParse(text.AsSpan(at + marker.Length, end - at - marker.Length), out var index))
            {
                break;
            }
            current = index;
            position = end + 1;
        }
        if (truncated)
        {
            result[current] = result.GetValueOrDefault(current, "") + "\n[output truncated]";
        }
        return result;
    }
}
