using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CodeRoom.Dispatch.InProcess;

/// <summary>The embedded default (no RABBITMQ_URL): a bounded in-process channel, consumed by
/// <see cref="InProcessJudgeWorker"/> in the same process.</summary>
public sealed class InProcessJudgeQueue : IJudgeDispatcher
{
    private readonly Channel<JudgeJob> _channel;

    // What is waiting in the channel now. The orphan sweeper re-queues only jobs that are not (issue 11 item 7: it used
    // to re-queue a job that was merely waiting, once per sweep, so duplicates filled the queue under load).
    private readonly ConcurrentDictionary<Guid, byte> _waiting = new();

    public InProcessJudgeQueue(IOptions<JudgeQueueOptions> options)
    {
        _channel = Channel.CreateBounded<JudgeJob>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public Task<DispatchOutcome> PublishAsync(JudgeJob job, CancellationToken cancellationToken) =>
        Task.FromResult(TryWrite(job with { Parent = System.Diagnostics.Activity.Current?.Context ?? default })
            ? DispatchOutcome.Accepted : DispatchOutcome.QueueFull);

    /// <summary>Queues an orphaned job again (see the Api's OrphanedJobSweeper), unless it is already waiting here.
    /// False when it is waiting or the queue is full.</summary>
    public bool TryRequeue(JudgeJob job) => !_waiting.ContainsKey(job.SubmissionId) && TryWrite(job);

    public bool IsWaiting(Guid submissionId) => _waiting.ContainsKey(submissionId);

    private bool TryWrite(JudgeJob job)
    {
        if (!_waiting.TryAdd(job.SubmissionId, 0))
        {
            return true; // already waiting: one entry is enough (the claim makes a second one a no-op anyway)
        }
        if (_channel.Writer.TryWrite(job))
        {
            return true;
        }
        _waiting.TryRemove(job.SubmissionId, out _);
        return false;
    }

    internal async IAsyncEnumerable<JudgeJob> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var job in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            _waiting.TryRemove(job.SubmissionId, out _);
            yield return job;
        }
    }

    internal void Shutdown() => _channel.Writer.TryComplete();
}
