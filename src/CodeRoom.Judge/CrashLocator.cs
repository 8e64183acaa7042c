using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge;

/// <summary>
/// Names the candidate's line of a crash from the code addresses its harness reported (C++: a signal or an escaped
/// exception). The executable is the candidate's, so its debug information is read by a symbolizer in a second
/// sandbox, after the run, never here; and only its JSON answer is parsed, as untrusted data. Best effort: a
/// symbolizer that fails leaves the line unknown, and verdicts never depend on it.
/// </summary>
internal static class CrashLocator
{
    /// <summary>Offset into the executable to the candidate's line there (the innermost frame in the candidate's file,
    /// inlined frames included).</summary>
    public static async Task<IReadOnlyDictionary<ulong, int>> LocateAsync(ISandbox sandbox, BuildPlan plan, SandboxBox box,
        IReadOnlyCollection<ulong> offsets, CancellationToken cancellationToken)
    {
        if (plan.Symbolizer is not { } symbolizer || offsets.Count == 0)
        {
            return new Dictionary<ulong, int>();
        }
        var spec = new SandboxSpec
        {
            Command = symbolizer.Command([.. offsets.Take(4 * Running.HarnessLine.MaxOffsets)]),
            WorkingDirectory = box.Path,
            ExtraMounts = plan.Mounts,
            Environment = plan.Environment,
            Limits = new SandboxLimits
            {
                CpuTime = TimeSpan.FromSeconds(2),
                WallTime = TimeSpan.FromSeconds(5),
                MemoryBytes = 256L * 1024 * 1024,
                MaxProcesses = 4,
                OutputBytes = 1024 * 1024,
            },
        };
        SandboxOutcome outcome;
        try
        {
            outcome = await sandbox.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException)
        {
            return new Dictionary<ulong, int>();
        }
        if (outcome.Reason == TerminationReason.Cancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        return outcome.Reason == TerminationReason.Exited && !outcome.StdoutTruncated
            ? Parse(System.Text.Encoding.UTF8.GetString(outcome.Stdout), symbolizer.CandidateFile)
            : new Dictionary<ulong, int>();
    }

    /// <summary>llvm-symbolizer --output-style=JSON: an object per address (or one array of them), each with its
    /// inline frames innermost first.</summary>
    internal static Dictionary<ulong, int> Parse(string output, string candidateFile)
    {
        var lines = new Dictionary<ulong, int>();
        foreach (var text in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                continue;
            }
            var entries = node is JsonArray array ? array.OfType<JsonObject>() : node is JsonObject one ? [one] : [];
            foreach (var entry in entries)
            {
                if (entry["Address"] is not JsonValue a || !a.TryGetValue<string>(out var address)
                    || !address.StartsWith("0x", StringComparison.Ordinal)
                    || Running.HarnessLine.ParseOffsets(address[2..]) is not [var offset]
                    || entry["Symbol"] is not JsonArray frames)
                {
                    continue;
                }
                foreach (var frame in frames.OfType<JsonObject>())
                {
                    if (frame["FileName"] is JsonValue f && f.TryGetValue<string>(out var file)
                        && Path.GetFileName(file) == candidateFile
                        && frame["Line"] is JsonValue l && l.TryGetValue<int>(out var line) && line > 0)
                    {
                        lines.TryAdd(offset, line);
                        break;
                    }
                }
            }
        }
        return lines;
    }

    /// <summary>The candidate's line of a trace: that of its innermost frame in the candidate's code.</summary>
    public static int? LineOf(IReadOnlyList<ulong>? frames, IReadOnlyDictionary<ulong, int> lines) =>
        frames?.Select(f => lines.TryGetValue(f, out var line) ? line : (int?)null).FirstOrDefault(l => l is not null);
}
