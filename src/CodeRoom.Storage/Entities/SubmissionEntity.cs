namespace CodeRoom.Storage.Entities;

public static class SubmissionModes
{
    public const string Run = "run";
    public const string Submit = "submit";
}

/// <summary>queued -> running -> finished, or failed when our own machinery broke (not a verdict).</summary>
public static class SubmissionStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
}

/// <summary>Every run and every submit, with the code that was judged.</summary>
public sealed class SubmissionEntity
{
    public Guid Id { get; set; }
    public Guid AttemptId { get; set; }
    public int ProblemId { get; set; }

    /// <summary>Copied from the attempt so ownership checks need no join.</summary>
    public required string UserId { get; set; }

    public required string Language { get; set; }
    public required string CodeText { get; set; }

    /// <summary>run | submit.</summary>
    public required string Mode { get; set; }

    public required string Status { get; set; }

    /// <summary>The run's verdict (snake_case wire name) once finished.</summary>
    public string? Verdict { get; set; }

    /// <summary>The candidate's custom inputs (run only): a JSON array of input objects.</summary>
    public string? CustomInputsJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Candidate-visible summary: {passed,total,status[,first_failing_test,first_failing_category]}.</summary>
    public string? SummaryJson { get; set; }

    /// <summary>Candidate-visible per-test results (runs only: public tests and custom inputs).</summary>
    public string? ResultsJson { get; set; }

    public AttemptEntity? Attempt { get; set; }
    public ProblemEntity? Problem { get; set; }
    public RunLogEntity? RunLog { get; set; }
}
