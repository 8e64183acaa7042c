namespace CodeRoom.Storage.Entities;

public sealed class TestEntity
{
    public int Id { get; set; }
    public int ProblemId { get; set; }

    /// <summary>Position in the problem's test list; the judge's test index.</summary>
    public int Ordinal { get; set; }

    /// <summary>public | hidden.</summary>
    public required string Visibility { get; set; }

    public required string InputJson { get; set; }
    public string? ExpectedJson { get; set; }

    /// <summary>{"abs_tol":..,"rel_tol":..} overriding the problem's compare rule, or null.</summary>
    public string? ToleranceJson { get; set; }

    public int? TimeoutMs { get; set; }
    public string? Category { get; set; }

    public ProblemEntity? Problem { get; set; }
}
