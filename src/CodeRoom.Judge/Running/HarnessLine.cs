using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeRoom.Judge.Running;

/// <summary>
/// One line of the harness's control channel (fd 3, docs/harness-protocol.md), parsed and checked. The harness runs
/// in the candidate's process, so every line is hostile input: this parser is total (a malformed line is null, never
/// an exception), bounds what it builds (string lengths, JSON depth; the sandbox already capped the line's length),
/// and returns plain typed data that the judge can use without further checks.
/// </summary>
internal abstract record HarnessLine
{
    /// <summary><c>H</c>: the harness is up and has read the header; the candidate's code has not run yet.</summary>
    public sealed record Hello : HarnessLine;

    /// <summary><c>C {"error":...,"line":...}</c>: the candidate's code could not be loaded.</summary>
    public sealed record LoadError(string Message, int? Line) : HarnessLine;

    /// <summary><c>R index {...}</c>: the result of the test the supervisor handed over.</summary>
    public sealed record Result(int Index, TestReport Report) : HarnessLine;

    /// <summary><c>T index offsets</c>: where a C++ test crashed, as offsets into the executable.</summary>
    public sealed record Trace(int Index, IReadOnlyList<ulong> Offsets) : HarnessLine;

    /// <summary>Longest error text kept from a line (the harnesses send at most 2,000 characters).</summary>
    public const int MaxErrorChars = 2000;

    /// <summary>Deepest JSON accepted: the contract's types nest a few levels (list&lt;list&lt;integer&gt;&gt;).</summary>
    public const int MaxDepth = 32;

    /// <summary>The most offsets a trace may carry (the harness sends at most 32).</summary>
    public const int MaxOffsets = 32;

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = MaxDepth };

    public static HarnessLine? Parse(string line)
    {
        if (line == "H")
        {
            return new Hello();
        }
        if (line.Length < 2 || line[1] != ' ')
        {
            return null;
        }
        var rest = line.AsSpan(2);
        switch (line[0])
        {
            case 'R':
                var space = rest.IndexOf(' ');
                if (space < 0 || !TryIndex(rest[..space], out var r))
                {
                    return null;
                }
                return ParseObject(rest[(space + 1)..].ToString()) is { } payload && TestReport.From(payload) is { } report
                    ? new Result(r, report)
                    : null;
            case 'C':
                if (ParseObject(rest.ToString()) is not { } error)
                {
                    return null;
                }
                var message = OptionalString(error, "error");
                var where = OptionalLine(error, "line");
                return message.Valid && where.Valid
                    ? new LoadError(CandidateText.Sanitize(message.Value ?? "the code could not be loaded", MaxErrorChars), where.Value)
                    : null;
            case 'T':
                var gap = rest.IndexOf(' ');
                if (!TryIndex(gap < 0 ? rest : rest[..gap], out var t))
                {
                    return null;
                }
                return ParseOffsets(gap < 0 ? "" : rest[(gap + 1)..].ToString()) is { } offsets ? new Trace(t, offsets) : null;
            default:
                return null;
        }
    }

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

    private static bool TryIndex(ReadOnlySpan<char> text, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);

    private static JsonObject? ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Parsing) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A field that may be absent or null; Valid is false when it is present with the wrong type.</summary>
    internal readonly record struct Field<T>(bool Valid, T Value);

    internal static Field<string?> OptionalString(JsonObject o, string name) => o[name] switch
    {
        null => new Field<string?>(true, null),
        JsonValue v when v.TryGetValue<string>(out var s) => new Field<string?>(true, s),
        _ => new Field<string?>(false, null),
    };

    internal static Field<int?> OptionalLine(JsonObject o, string name) => o[name] switch
    {
        null => new Field<int?>(true, null),
        JsonValue v when v.TryGetValue<int>(out var n) => new Field<int?>(true, n is > 0 and < 10_000_000 ? n : null),
        _ => new Field<int?>(false, null),
    };
}

/// <summary>What the harness reported for one test, checked (see <see cref="HarnessLine"/>).</summary>
internal abstract record TestReport
{
    /// <summary>The call returned: its value in the contract's JSON form (not yet checked against the type).</summary>
    public sealed record Returned(JsonNode? Value) : TestReport;

    /// <summary>The call failed: an exception, the runtime's memory or stack error, or an unserialisable value.</summary>
    public sealed record Failed(FailureKind Kind, string Error, int? Line, IReadOnlyList<ulong>? Frames) : TestReport;

    public enum FailureKind { Runtime, Memory, Stack, Output }

    public static TestReport? From(JsonObject payload)
    {
        if (payload["ok"] is not JsonValue okValue || !okValue.TryGetValue<bool>(out var ok))
        {
            return null;
        }
        if (ok)
        {
            return payload.ContainsKey("value") ? new Returned(payload["value"]) : null;
        }
        var kind = HarnessLine.OptionalString(payload, "kind");
        var error = HarnessLine.OptionalString(payload, "error");
        var line = HarnessLine.OptionalLine(payload, "line");
        var frames = HarnessLine.OptionalString(payload, "frames");
        if (!kind.Valid || !error.Valid || !line.Valid || !frames.Valid)
        {
            return null;
        }
        FailureKind? parsedKind = kind.Value switch
        {
            null or "runtime" => FailureKind.Runtime,
            "memory" => FailureKind.Memory,
            "stack" => FailureKind.Stack,
            "output" => FailureKind.Output,
            _ => null,
        };
        if (parsedKind is not { } k)
        {
            return null;
        }
        return new Failed(k, CandidateText.Sanitize(error.Value ?? "runtime error", HarnessLine.MaxErrorChars), line.Value,
            frames.Value is { } text ? HarnessLine.ParseOffsets(text) : null);
    }
}
