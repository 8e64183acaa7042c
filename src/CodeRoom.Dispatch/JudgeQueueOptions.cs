using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeRoom.Dispatch;

public sealed class JudgeQueueOptions
{
    public const string Section = "JudgeQueue";

    /// <summary>Concurrent judge jobs; 0 means one per sandbox slot. A runner's RabbitMQ prefetch is this number.</summary>
    [Range(0, 256)] public int Workers { get; set; }

    /// <summary>Jobs waiting beyond the running ones; a full queue answers 503 with Retry-After (in-process only).</summary>
    [Range(1, 100_000)] public int Capacity { get; set; } = 64;

    /// <summary>How long run/submit wait for the result before answering queued/running for polling.</summary>
    [Range(0.0, 120.0)] public double WaitSeconds { get; set; } = 10;

    [Range(1, 3600)] public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Runs and submissions one user may have queued or running at once; more answer 429. With the run's
    /// wall cap this bounds how long one user's slow code can keep another user's run waiting (issue 11).</summary>
    [Range(1, 1000)] public int MaxInFlightPerUser { get; set; } = 1;

    /// <summary>In-process only: a job still queued after this long and not waiting in this process's queue belongs
    /// to a queue that died with its process (a crash, a restart): it is queued again. Claiming is atomic, so a job
    /// queued twice is still judged once.</summary>
    [Range(1, 86_400)] public int OrphanedQueuedSeconds { get; set; } = 60;

    /// <summary>A job running for longer than this lost its judge (no run lasts this long: the prebuilt build, the
    /// compile and the run's wall cap together stay near 3 minutes): it is marked failed, so that a polling client gets
    /// an answer, and its user (one run in flight each) can run again.</summary>
    [Range(1, 86_400)] public int OrphanedRunningSeconds { get; set; } = 300;

    /// <summary>With RabbitMQ only: a job still queued after this long never reached a runner (its Api died between
    /// storing the row and publishing, or the broker lost its queue): it is marked failed, so that a lost job is never
    /// silent. Far longer than any healthy queue wait.</summary>
    [Range(1, 86_400)] public int OrphanedQueuedFleetSeconds { get; set; } = 1800;

    /// <summary>With RabbitMQ only: a job still queued after this long while no job waits ready on the broker is not in
    /// the queue (its Api died before publishing, or the queue was deleted or lost): it is published again, so a lost
    /// job is judged and its user (one run in flight each) is not locked out until the job is failed. Claiming is atomic,
    /// so a job published twice is still judged once.</summary>
    [Range(1, 86_400)] public int OrphanedQueuedFleetRepublishSeconds { get; set; } = 60;

    /// <summary>How often orphaned jobs are looked for (and once at start).</summary>
    [Range(1, 86_400)] public int OrphanSweepSeconds { get; set; } = 30;
}

[OptionsValidator]
public sealed partial class JudgeQueueOptionsValidator : IValidateOptions<JudgeQueueOptions>;
