namespace CodeRoom.Storage.Entities;

/// <summary>The run-log roll-up the admin dashboard reads: one row per hour, problem, language and mode, with verdict
/// counts and two fixed-bucket histograms (the run's CPU time, <c>rt*</c>, and its queue wait, <c>qw*</c>; bounds in
/// <see cref="Stats.StatsBuckets.BoundsMs"/>). Rebuilt from run logs by SQL (<see cref="Stats.RunStatsRollup"/>), so it
/// outlives pruned run logs.</summary>
public sealed class RunStatsHourlyEntity
{
    /// <summary>Start of the hour, in Unix seconds (UTC): the same arithmetic on every provider.</summary>
    public long HourStart { get; set; }
    public int ProblemId { get; set; }
    public required string Language { get; set; }
    public required string Mode { get; set; }

    public long Total { get; set; }
    public long Accepted { get; set; }
    public long WrongAnswer { get; set; }
    public long TimeLimitExceeded { get; set; }
    public long MemoryLimitExceeded { get; set; }
    public long RuntimeError { get; set; }
    public long CompilationError { get; set; }
    public long OutputLimitExceeded { get; set; }
    public long InternalError { get; set; }

    /// <summary>Submissions our own machinery failed (status failed, no verdict).</summary>
    public long Failed { get; set; }

    public double CpuMsSum { get; set; }
    public double QueueWaitMsSum { get; set; }
    public long QueueWaitCount { get; set; }

    public long Rt0 { get; set; }
    public long Rt1 { get; set; }
    public long Rt2 { get; set; }
    public long Rt3 { get; set; }
    public long Rt4 { get; set; }
    public long Rt5 { get; set; }
    public long Rt6 { get; set; }
    public long Rt7 { get; set; }
    public long Rt8 { get; set; }
    public long Rt9 { get; set; }
    public long Rt10 { get; set; }
    public long Rt11 { get; set; }
    public long Rt12 { get; set; }
    public long Rt13 { get; set; }

    public long Qw0 { get; set; }
    public long Qw1 { get; set; }
    public long Qw2 { get; set; }
    public long Qw3 { get; set; }
    public long Qw4 { get; set; }
    public long Qw5 { get; set; }
    public long Qw6 { get; set; }
    public long Qw7 { get; set; }
    public long Qw8 { get; set; }
    public long Qw9 { get; set; }
    public long Qw10 { get; set; }
    public long Qw11 { get; set; }
    public long Qw12 { get; set; }
    public long Qw13 { get; set; }
}
