namespace CodeRoom.Storage.Entities;

/// <summary>A problem of the bank. Signature, compare rule and reference solutions are kept as the contract's JSON
/// (docs/problem-format.md) so the judge's validator rebuilds the <c>Problem</c> from exactly what was authored.</summary>
public sealed class ProblemEntity
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Difficulty { get; set; }
    public string StatementMd { get; set; } = "";
    public string ConstraintsMd { get; set; } = "";
    public string TopicsJson { get; set; } = "[]";
    public required string SignatureJson { get; set; }
    public required string CompareJson { get; set; }
    public int TimeLimitMs { get; set; }
    public int MemoryLimitMb { get; set; }
    public string ReferenceSolutionsJson { get; set; } = "{}";

    /// <summary>Bumped on every replace, so cached validated problems know when they are stale.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<TestEntity> Tests { get; set; } = [];
}
