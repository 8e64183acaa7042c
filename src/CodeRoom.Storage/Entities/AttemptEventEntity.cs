namespace CodeRoom.Storage.Entities;

/// <summary>One step of an attempt's code history (issue 16): the replay and the interviewer's catch-up are built from
/// these, in <see cref="Id"/> order. Kinds: <c>snapshot</c> (the whole code in <see cref="Text"/>), <c>edit</c> (replace
/// <see cref="DeleteCount"/> UTF-16 units at <see cref="Offset"/> with <see cref="Text"/>), <c>language</c> (a switch;
/// a snapshot follows), <c>run</c> and <c>submit</c> (<see cref="Text"/> is the judged code, <see cref="ResultJson"/>
/// what the candidate was shown), <c>truncated</c> (the per-attempt cap was reached; no later typing is kept, runs and submits still are).</summary>
public sealed class AttemptEventEntity
{
    public long Id { get; set; }
    public Guid AttemptId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }

    /// <summary>The problem's slug (an attempt may span several problems).</summary>
    public required string ProblemSlug { get; set; }

    public required string Language { get; set; }
    public int? Offset { get; set; }
    public int? DeleteCount { get; set; }
    public string? Text { get; set; }
    public string? ResultJson { get; set; }

    /// <summary>For run and submit: the submission, so recording its result twice (the answer and a status poll) keeps one row.</summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>What this row counts against the attempt's history cap.</summary>
    public int Bytes { get; set; }

    public AttemptEntity? Attempt { get; set; }
}

public static class AttemptEventKinds
{
    public const string Snapshot = "snapshot";
    public const string Edit = "edit";
    public const string Language = "language";
    public const string Run = "run";
    public const string Submit = "submit";
    public const string Truncated = "truncated";
}
