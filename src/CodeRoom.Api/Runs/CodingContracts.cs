using CodeRoom.Judge;

namespace CodeRoom.Api.Runs;

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
