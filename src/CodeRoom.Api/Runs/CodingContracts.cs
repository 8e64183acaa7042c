using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CodeRoom.Api.Runs;

/// <summary>One test's result as a candidate may see it: public tests and custom inputs only.</summary>
public sealed record TestResultResponse
{
    public required string TestId { get; init; }
    public required string Verdict { get; init; }

    /// <summary>null when there was nothing to compare with (a custom input without a reference solution).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? Pass { get; init; }

    public JsonObject? Input { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Actual { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Expected { get; init; }

    public double? RuntimeMs { get; init; }
    public long? MemoryKb { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public string? Error { get; init; }
    public int? ErrorLine { get; init; }

    /// <summary>Custom inputs: why there is no expected value (no reference solution, or it failed on the input).</summary>
    public string? ExpectedNote { get; init; }
}

public sealed record SummaryResponse
{
    public required int Passed { get; init; }
    public required int Total { get; init; }

    /// <summary>The verdict: accepted, wrong_answer, ..., internal_error.</summary>
    public required string Status { get; init; }

    /// <summary>Submit: index of the first failing test in the submission's test list.</summary>
    public int? FirstFailingTest { get; init; }

    /// <summary>Submit: the failing test's category label when it is hidden (never its data).</summary>
    public string? FirstFailingCategory { get; init; }

    /// <summary>Submit: the error message when the first failing test is public.</summary>
    public string? FirstFailingError { get; init; }
}

/// <summary>Answer of run, submit and status. status is queued | running | finished | failed.</summary>
public sealed record CodingResultResponse
{
    public required Guid Id { get; init; }
    public required string Mode { get; init; }
    public required string Status { get; init; }
    public Guid? RunId { get; init; }
    public Guid? SubmissionId { get; init; }
    public string? ProblemId { get; init; }
    public string? Language { get; init; }
    public SummaryResponse? Summary { get; init; }
    public IReadOnlyList<TestResultResponse>? Results { get; init; }
    public string? CompileOutput { get; init; }

    /// <summary>For status failed: our machinery failed (not a verdict); try again.</summary>
    public string? Error { get; init; }
}
