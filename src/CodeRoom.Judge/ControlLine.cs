using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeRoom.Judge;

/// <summary>One parsed line of the harness's control channel (docs/harness-protocol.md).</summary>
internal abstract record ControlLine
{
    public sealed record Start(int Index) : ControlLine;
    public sealed record Result(int Index, JsonObject Payload) : ControlLine;
    public sealed record LoadError(JsonObject Payload) : ControlLine;

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
            default:
                return null;
        }
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
