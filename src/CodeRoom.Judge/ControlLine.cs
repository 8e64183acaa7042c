using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeRoom.Judge;

/// <summary>One parsed line of the harness's control channel (docs/harness-protocol.md).</summary>
internal abstract record ControlLine
{
    public sealed record Start(int Index) : ControlLine;
    public sealed record Result(int Index, JsonObject Payload) : ControlLine;
    public sealed record LoadError(JsonObject Payload) : ControlLine;
    public sealed record Trace(int Index, IReadOnlyList<ulong> Offsets) : ControlLine;

    /// <summary>Parses a line; null for anything malformed (the harness runs next to untrusted code, so its lines are
    /// data to check, not to trust).</summary>
    public static ControlLine? Parse(string line)
    {
        if (line.Length < 2 || line[1] != ' ')
        {
            return null;
        }
        var rest = line.AsSpan(2);
        switch (line[0])
        {
            case 'S':
                return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? new Start(s) : null;
            case 'R':
                var space = rest.IndexOf(' ');
                if (space < 0 || !int.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                {
                    return null;
                }
                return ParseObject(rest[(space + 1)..].ToString()) is { } payload ? new Result(r, payload) : null;
            case 'C':
                return ParseObject(rest.ToString()) is { } error ? new LoadError(error) : null;
            case 'T':
                var gap = rest.IndexOf(' ');
                var index = gap < 0 ? rest : rest[..gap];
                if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                {
                    return null;
                }
                return ParseOffsets(gap < 0 ? "" : rest[(gap + 1)..].ToString()) is { } offsets ? new Trace(t, offsets) : null;
            default:
                return null;
        }
    }

    /// <summary>The most offsets a trace may carry (the harness sends at most 32).</summary>
    public const int MaxOffsets = 32;

    /// <summary>Space-separated hex offsets into the executable (a T line, or an R payload's "frames"); null when
    /// malformed or too many.</summary>
    public static IReadOnlyList<ulong>? ParseOffsets(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxOffsets)
        {
            return null;
        }
        var offsets = new List<ulong>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length > 16 || !ulong.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var offset))
            {
                return null;
            }
            offsets.Add(offset);
        }
        return offsets;
    }

    private static JsonObject? ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 }) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
