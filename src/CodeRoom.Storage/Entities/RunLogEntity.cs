namespace CodeRoom.Storage.Entities;

/// <summary>What the judge observed for one submission, for operators and authors (never sent to candidates as is):
/// compile output, runtime errors, timeouts, peak memory and each test's runtime.</summary>
public sealed class RunLogEntity
{
    public Guid SubmissionId { get; set; }
    public bool? CompileOk { get; set; }
    public string? CompileOutput { get; set; }
    public double? CompileMs { get; set; }
    public int RuntimeErrors { get; set; }
    public int Timeouts { get; set; }
    public long PeakMemoryKb { get; set; }
    public double CpuMs { get; set; }
    public double WallMs { get; set; }

    /// <summary>[{index, visibility, verdict, runtime_ms, cpu_ms, memory_kb, error, error_line}].</summary>
    public string TestsJson { get; set; } = "[]";

    /// <summary>For internal_error and failed jobs: what broke.</summary>
    public string? InternalMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
