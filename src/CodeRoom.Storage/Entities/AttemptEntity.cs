namespace CodeRoom.Storage.Entities;

/// <summary>One candidate's sitting of an interview; owns drafts and submissions.</summary>
public sealed class AttemptEntity
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public string? InterviewId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
