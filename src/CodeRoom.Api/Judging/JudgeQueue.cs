using System.Collections.Concurrent;
using System.Threading.Channels;
using CodeRoom.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Judging;

public sealed record JudgeJob(Guid SubmissionId);

/// <summary>Bounded in-process queue of judge jobs plus completion signals, so a request can wait a short while for
/// its own result. The submission row is the source of truth; the signal only says "look again".</summary>
public sealed class JudgeQueue
{
    private readonly Channel<JudgeJob> _channel;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    public JudgeQueue(IOptions<JudgeQueueOptions> options)
    {
        _channel = Channel.CreateBounded<JudgeJob>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<JudgeJob> Reader => _channel.Reader;

    /// <summary>Registers a waiter, then enqueues. False when the queue is full (the caller answers 503).</summary>
    public bool TryEnqueue(Guid submissionId, out Task completion)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[submissionId] = tcs;
        Observability.RunTracing.Remember(submissionId);
        if (_channel.Writer.TryWrite(new JudgeJob(submissionId)))
        {
            completion = tcs.Task;
            return true;
        }
        _waiters.TryRemove(submissionId, out _);
        Observability.RunTracing.Forget(submissionId);
        completion = Task.CompletedTask;
        return false;
    }

    /// <summary>Queues a job again without touching its waiter (an orphaned job: see OrphanedJobSweeper). False when full.</summary>
    public bool TryRequeue(Guid submissionId) => _channel.Writer.TryWrite(new JudgeJob(submissionId));

    public void Forget(Guid submissionId) => _waiters.TryRemove(submissionId, out _);

    internal void Completed(Guid submissionId)
    {
        if (_waiters.TryRemove(submissionId, out var tcs))
        {
            tcs.TrySetResult();
        }
    }

    internal void Shutdown() => _channel.Writer.TryComplete();
}
