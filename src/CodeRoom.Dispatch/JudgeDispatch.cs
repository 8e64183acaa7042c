using System.Collections.Concurrent;
using CodeRoom.Storage.Problems;

namespace CodeRoom.Dispatch;

/// <summary>One submission to judge, with the problem as it was when the job was created (issue 12: an admin's edit
/// meanwhile does not change what this job is judged against).</summary>
public sealed record JudgeJob(Guid SubmissionId, ProblemSnapshot Problem)
{
    /// <summary>In-process: the span of the request that published the job (RabbitMQ carries it in a header).</summary>
    public System.Diagnostics.ActivityContext Parent { get; init; }
}

public enum DispatchOutcome
{
    /// <summary>The job is durably queued (in-process: in the channel; RabbitMQ: confirmed by the broker).</summary>
    Accepted,

    /// <summary>Too many jobs are waiting (in-process queue full).</summary>
    QueueFull,

    /// <summary>The transport cannot take jobs now (broker unreachable, publish not confirmed in time).</summary>
    Unavailable,
}

/// <summary>The publishing half of the judge-job seam: the Api hands a job over and answers 202 only once the
/// transport has accepted it. Consuming is the transport's own hosted service, which acks a job only after its
/// result is committed (<see cref="JudgeJobProcessor"/>).</summary>
public interface IJudgeDispatcher
{
    Task<DispatchOutcome> PublishAsync(JudgeJob job, CancellationToken cancellationToken);
}

/// <summary>Tells whoever waits that a job's row is final (finished or failed). In-process: the local waiters;
/// RabbitMQ: an event on the broker that every Api instance hears.</summary>
public interface IJudgeCompletionNotifier
{
    ValueTask JudgeFinishedAsync(Guid submissionId, CancellationToken cancellationToken);
}

/// <summary>Requests waiting a short while for their own job (JUDGE_WAIT_SECONDS). The submission row is the source of
/// truth; a signal here only says "look again".</summary>
public sealed class JudgeCompletions
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    /// <summary>Call before publishing, so a completion that arrives first is not missed.</summary>
    public Task Watch(Guid submissionId) =>
        _waiters.GetOrAdd(submissionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid submissionId) => _waiters.TryRemove(submissionId, out _);

    public void Completed(Guid submissionId)
    {
        if (_waiters.TryRemove(submissionId, out var tcs))
        {
            tcs.TrySetResult();
        }
    }
}

/// <summary>In-process completions: the worker that judged the job is in this process.</summary>
internal sealed class LocalCompletionNotifier(JudgeCompletions completions) : IJudgeCompletionNotifier
{
    public ValueTask JudgeFinishedAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        completions.Completed(submissionId);
        return ValueTask.CompletedTask;
    }
}
