using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge;

/// <summary>What one judge run produced: the verdict, a summary and every test's result. Data, never an exception,
/// whatever the candidate's code did.</summary>
public sealed record JudgeResult
{
    public required Verdict Verdict { get; init; }
    public required int Passed { get; init; }
    public required int Total { get; init; }

    /// <summary>Index (in the run's test list) of the first test that did not pass, or null.</summary>
    public int? FirstFailingTest { get; init; }

    public CompileInfo? Compile { get; init; }
    public required IReadOnlyList<TestResult> Tests { get; init; }

    /// <summary>CPU time of the candidate's calls together, from the cgroup.</summary>
    public double CpuMs { get; init; }

    /// <summary>Wall time of the whole judge run, compile included.</summary>
    public double WallMs { get; init; }

    public long PeakMemoryKb { get; init; }

    /// <summary>For internal_error: what failed, for the operator log (no paths or secrets for candidates).</summary>
    public string? InternalMessage { get; init; }
}

public sealed record CompileInfo(bool Ok, string Output, double TimeMs, bool Cached)
{
    /// <summary>True when a warm compile server (a long-lived sandboxed compiler) compiled it.</summary>
    public bool ByCompileServer { get; init; }

    /// <summary>True when a limit stopped the compiler (its output is then the message saying so).</summary>
    public bool StoppedByLimit { get; init; }

    /// <summary>The compiler was stopped by a limit: one message for a cold compile and a compile server.</summary>
    public static CompileInfo? Stopped(TerminationReason reason, TimeSpan cpuLimit, double ms) => reason switch
    {
        TerminationReason.CpuTimeLimit or TerminationReason.WallTimeLimit =>
            new CompileInfo(false, $"compilation took longer than {cpuLimit.TotalSeconds:0.#} s and was stopped", ms, false) { StoppedByLimit = true },
        TerminationReason.MemoryLimit => new CompileInfo(false, "the compiler ran out of memory and was stopped", ms, false) { StoppedByLimit = true },
        _ => null,
    };
}

public sealed record TestResult
{
    public required int Index { get; init; }
    public required TestVisibility Visibility { get; init; }
    public required Verdict Verdict { get; init; }

    /// <summary>True when the output matched; null when there was nothing to compare with (custom input, no reference).</summary>
    public bool? Pass { get; init; }

    public JsonObject? Input { get; init; }
    public JsonNode? Actual { get; init; }
    public JsonNode? Expected { get; init; }

    /// <summary>Time of the call itself, measured by the harness.</summary>
    public double? RuntimeMs { get; init; }

    /// <summary>CPU time of the test from the cgroup (includes the runtime's own threads, e.g. the JIT).</summary>
    public double? CpuMs { get; init; }

    public long? MemoryKb { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";

    /// <summary>A message the candidate can act on: exception or signal, line in their code, or the limit hit.</summary>
    public string? Error { get; init; }

    /// <summary>1-based line in the candidate's code the error points at, when known.</summary>
    public int? ErrorLine { get; init; }

    /// <summary>Where actual and expected first differ (a JSON path such as $[3]), for wrong answers.</summary>
    public string? DiffPath { get; init; }

    public string? Category { get; init; }
}
