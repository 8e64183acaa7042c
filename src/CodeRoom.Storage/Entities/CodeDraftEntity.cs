namespace CodeRoom.Storage.Entities;

/// <summary>Autosaved code, one row per (attempt, problem, language).</summary>
public sealed class CodeDraftEntity
{
    public Guid AttemptId { get; set; }
    public int ProblemId { get; set; }

    /// <summary>Wire name: python | java | cpp | javascript | typescript | go.</summary>
    public required string Language { get; set; }

    public required string CodeText { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public AttemptEntity? Attempt { get; set; }
    public ProblemEntity? Problem { get; set; }
}
