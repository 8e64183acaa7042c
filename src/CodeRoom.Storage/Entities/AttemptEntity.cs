namespace CodeRoom.Storage.Entities;

/// <summary>One candidate's sitting of an interview; owns drafts, submissions and the code history.</summary>
public sealed class AttemptEntity
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public string? InterviewId { get; set; }

    /// <summary>True when <see cref="InterviewId"/> came from the candidate's signed token (its interview_id claim),
    /// not from the request body: only such attempts can be watched by that interview's interviewers (issue 16), so a
    /// candidate cannot put their attempt in front of another interview's interviewer by naming it.</summary>
    public bool InterviewBound { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Bytes of code history kept (the sum of the events' Bytes), checked against the cap before each insert.</summary>
    public long HistoryBytes { get; set; }

    public bool HistoryTruncated { get; set; }
}
