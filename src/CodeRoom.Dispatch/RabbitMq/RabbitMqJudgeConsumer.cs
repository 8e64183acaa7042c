using System.Collections.Concurrent;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>
/// A runner's consumer of the job queue. Prefetch = the runner's slots, so the broker never hands it more jobs than it
/// can judge at once and the rest wait for whichever runner frees a slot first. A job is acknowledged only after its
/// result is committed (or it was already stored, or marked failed); a runner that dies mid-job leaves it unacknowledged
/// and the broker gives it to another runner at once. A job that keeps killing its runner reaches the quorum queue's
/// delivery limit and is dead-lettered (<see cref="RabbitMqDeadLetterConsumer"/>).
/// </summary>
public sealed partial class RabbitMqJudgeConsumer(
    RabbitMqConnection connection,
    JudgeJobProcessor processor,
    IOptions<JudgeQueueOptions> queueOptions,
    IOptions<SandboxOptions> sandboxOptions,
    TimeProvider time,
    ProblemRevisionStore revisions,
    ILogger<RabbitMqJudgeConsumer> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(int Id, int Revision), Problem> _problems = new();

    public int Concurrency => queueOptions.Value.Workers > 0 ? queueOptions.Value.Workers : sandboxOptions.Value.Slots;

    /// <summary>Set once the consumer is registered with the broker (tests and the start-up log wait on it).</summary>
    public TaskCompletionSource Consuming { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqConsumerSupport.ConsumeAsync(connection, "coderoom-runner", sharedQueue: true, StartAsync, logger, stoppingToken);

    private async Task<(IChannel, BrokerCancelAwareConsumer)> StartAsync(IConnection conn, CancellationToken stoppingToken)
    {
        var concurrency = (ushort)Concurrency;
        var channel = await conn.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: concurrency), stoppingToken);
        await RabbitMqTopology.DeclareAsync(channel, connection.Options, stoppingToken); // again, if it was deleted
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: concurrency, global: false, stoppingToken);
        var consumer = new BrokerCancelAwareConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnJobAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(connection.Options.JobQueue, autoAck: false, consumer, stoppingToken);
        if (Consuming.TrySetResult())
        {
            LogConsuming(connection.Options.JobQueue, concurrency); // once: an idle consumer is renewed every half minute
        }
        return (channel, consumer);
    }

    private async Task OnJobAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var deliveredAt = time.GetUtcNow().UtcTicks;
        JudgeJobMessage? message;
        Problem? problem;
        try
        {
            message = JudgeJobMessage.FromBytes(delivery.Body.Span);
            problem = null;
            if (message is not null)
            {
                var (found, stopping) = await ProblemAsync(message, stoppingToken);
                if (stopping)
                {
                    return; // stopping while the database is away: unacknowledged, so another runner gets it
                }
                problem = found;
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            LogUnreadable(e.Message);
            message = null;
            problem = null;
        }
        if (message is null || problem is null)
        {
            // Never judgeable, whoever tries: straight to the dead-letter queue, which fails its submission.
            await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None));
            return;
        }

        using var activity = JudgeTracing.StartJob(JudgeJobMessage.Header(delivery.BasicProperties, JudgeJobMessage.TraceParentHeader),
            JudgeJobMessage.Header(delivery.BasicProperties, JudgeJobMessage.TraceStateHeader));
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TraceId"] = activity.TraceId.ToString() });
        LogStarted(message.SubmissionId, delivery.Redelivered, activity.TraceId.ToString());
        if (logger.IsEnabled(LogLevel.Debug) && JudgeJobMessage.Ticks(delivery.BasicProperties, JudgeJobMessage.PublishedAtHeader) is { } publishedAt)
        {
            LogDelivered(message.SubmissionId, TimeSpan.FromTicks(deliveredAt - publishedAt).TotalMilliseconds,
                TimeSpan.FromTicks(time.GetUtcNow().UtcTicks - deliveredAt).TotalMilliseconds);
        }
        var redelivered = delivery.Redelivered;
        var outcome = await processor.ProcessAsync(message.SubmissionId, problem, redelivered, failOnShutdown: false, stoppingToken);
        // The database is down: the job stays here, unacknowledged, and is tried again after a growing pause. Handing it
        // back instead would count towards the delivery limit (RabbitMQ before 4.3 counts every return, a nack too), so
        // an outage of a few seconds would dead-letter, and fail, every job a runner touched. One attempt per slot per
        // pause is no load on a database coming back; if this runner dies meanwhile the broker redelivers the job.
        for (var attempt = 0; outcome is JobOutcome.DatabaseDown; attempt++)
        {
            // As a redelivery: our claim may have committed with its answer lost (a link cut mid-reply), which left the
            // row "running" and only a redelivery may take it over. Found in CI: the job was lost otherwise.
            redelivered = true;
            if (!await WaitForDatabaseAsync(attempt, stoppingToken))
            {
                return; // stopping: unacknowledged, so the broker hands it to another runner
            }
            outcome = await processor.ProcessAsync(message.SubmissionId, problem, redelivered, failOnShutdown: false, stoppingToken);
        }
        if (outcome == JobOutcome.Abandoned)
        {
            return; // unacknowledged: redelivered to another runner when this channel closes
        }
        if (outcome == JobOutcome.Retry)
        {
            await RabbitMqConsumerSupport.RequeueLaterAsync(channel, delivery.DeliveryTag, stoppingToken);
            return;
        }
        await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None));
    }

    /// <summary>The job's validated problem: from the cache, else from the message's definition (an Api of an earlier
    /// version sent it along), else read from problem_revisions, waiting out a database that is away (1, 2, 4 .. 30 s)
    /// rather than failing the job. Stopping is true when the runner stops meanwhile; a null problem is never judgeable
    /// (no such revision stored, or it does not validate).</summary>
    private async Task<(Problem? Problem, bool Stopping)> ProblemAsync(JudgeJobMessage message, CancellationToken stoppingToken)
    {
        // One lookup: the cache may be cleared by another job between a check and a read.
        if (_problems.TryGetValue((message.ProblemId, message.ProblemRevision), out var cached))
        {
            return (cached, false);
        }
        var definition = message.Problem;
        for (var attempt = 0; definition is null; attempt++)
        {
            try
            {
                definition = await revisions.ReadAsync(message.ProblemId, message.ProblemRevision, stoppingToken);
                if (definition is null)
                {
                    LogUnreadable($"no stored definition for problem {message.ProblemId} revision {message.ProblemRevision}");
                    return (null, false);
                }
                break;
            }
            catch (Exception e) when (ProblemRevisionStore.IsDatabaseFailure(e))
            {
                LogDefinitionUnreadable(message.SubmissionId, e.Message);
            }
            if (!await WaitForDatabaseAsync(attempt, stoppingToken))
            {
                return (null, true);
            }
        }
        return (Validated(message, definition), false);
    }

    /// <summary>The pause before trying a database that is away once more: 1, 2, 4 .. 30 s. False when stopping.</summary>
    private async Task<bool> WaitForDatabaseAsync(int attempt, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempt, 5)), 30)), time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Problem? Validated(JudgeJobMessage message, ProblemDefinition definition)
    {
        var (problem, errors) = ProblemValidator.Validate(definition);
        if (problem is null)
        {
            LogUnreadable("the problem does not validate: " + string.Join("; ", errors));
            return null;
        }
        if (_problems.Count > 512)
        {
            _problems.Clear(); // old revisions: read and validated again when a job needs one
        }
        _problems[(message.ProblemId, message.ProblemRevision)] = problem;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Queue} with prefetch {Prefetch}")]
    private partial void LogConsuming(string queue, int prefetch);

    [LoggerMessage(Level = LogLevel.Information, Message = "STARTED {SubmissionId} (redelivered: {Redelivered}, trace {TraceId})")]
    private partial void LogStarted(Guid submissionId, bool redelivered, string traceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {SubmissionId} {DeliveryMs:0.00} ms after its publish; read in {ReadMs:0.00} ms")]
    private partial void LogDelivered(Guid submissionId, double deliveryMs, double readMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The problem of job {SubmissionId} cannot be read from the database now ({Error}); trying again")]
    private partial void LogDefinitionUnreadable(Guid submissionId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable judge job, dead-lettered: {Reason}")]
    private partial void LogUnreadable(string reason);
}

/// <summary>A consumer that remembers a basic.cancel from the broker (its queue was deleted): unlike a connection loss,
/// which the client's recovery repairs, nothing re-subscribes it. It also knows how long it has had nothing to do.</summary>
internal sealed class BrokerCancelAwareConsumer(IChannel channel) : AsyncEventingBasicConsumer(channel)
{
    private volatile bool _cancelledByBroker;
    private int _busy;
    private long _lastActive = Environment.TickCount64;

    public bool CancelledByBroker => _cancelledByBroker;

    /// <summary>No delivery in hand, and none for at least <paramref name="period"/>.</summary>
    public bool IdleFor(TimeSpan period) =>
        Volatile.Read(ref _busy) == 0 && Environment.TickCount64 - Interlocked.Read(ref _lastActive) >= (long)period.TotalMilliseconds;

    public override Task HandleBasicCancelAsync(string consumerTag, CancellationToken cancellationToken = default)
    {
        _cancelledByBroker = true;
        return base.HandleBasicCancelAsync(consumerTag, cancellationToken);
    }

    public override async Task HandleBasicDeliverAsync(string consumerTag, ulong deliveryTag, bool redelivered, string exchange,
        string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _busy);
        try
        {
            await base.HandleBasicDeliverAsync(consumerTag, deliveryTag, redelivered, exchange, routingKey, properties, body, cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _lastActive, Environment.TickCount64);
            Interlocked.Decrement(ref _busy);
        }
    }
}

internal static partial class RabbitMqConsumerSupport
{
    /// <summary>
    /// Connects (waiting for the broker), starts a consuming channel and keeps it alive until the host stops. A lost
    /// connection is the client's to recover: it reopens the channel and its consumer by itself. A channel the broker
    /// closed on its own (a channel error) is not recovered by the client, nor a consumer the broker cancelled (its queue
    /// was deleted), and a runner consuming nothing would look healthy while the queue grows: once either has lasted on
    /// an open connection for two checks, the channel is replaced (declaring the queues again).
    /// <para>A consumer can also go deaf without any notice, so an idle one is renewed every
    /// RabbitMq:IdleResubscribeSeconds (a new channel and consumer; nothing in flight is touched). Seen on RabbitMQ 3.10
    /// (issue 12): a quorum queue deleted and declared again at once (the Api does so when its publish comes back
    /// unroutable) while a consumer's channel has not yet handled the deletion. The channel takes the deletion for a
    /// leader change (the new queue's Raft servers have the old one's names), never sends basic.cancel, and re-attaches
    /// its consumer to the new queue. The queue then counts that consumer and hands it jobs, which the channel never
    /// delivers to us: they sit unacknowledged until the channel closes. No AMQP query tells this apart from a healthy
    /// consumer (the queue reports one consumer, and no ready job), so the renewal is what bounds it; closing the
    /// channel hands those jobs back to the queue.</para>
    /// </summary>
    /// <param name="sharedQueue">The queue is a shared, durable one that can be deleted and declared again under us: an
    /// idle consumer is renewed. False for an Api's private (exclusive, server-named) queue, which cannot be.</param>
    public static async Task ConsumeAsync(RabbitMqConnection connection, string clientName, bool sharedQueue,
        Func<IConnection, CancellationToken, Task<(IChannel, BrokerCancelAwareConsumer)>> start, ILogger logger, CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(connection.Options.IdleResubscribeSeconds);
        while (await ConnectAsync(connection, clientName, stoppingToken) is { } conn)
        {
            IChannel channel;
            BrokerCancelAwareConsumer consumer;
            try
            {
                (channel, consumer) = await start(conn, stoppingToken);
            }
            catch (Exception e) when (IsBrokerFailure(e, stoppingToken))
            {
                LogChannelFailed(logger, e.GetType().Name, e.Message);
                if (!await PauseAsync(TimeSpan.FromSeconds(connection.Options.ReconnectSeconds), stoppingToken))
                {
                    return;
                }
                continue;
            }
            await using (channel)
            {
                var closedChecks = 0;
                while (closedChecks < 2)
                {
                    if (!await PauseAsync(TimeSpan.FromSeconds(2), stoppingToken))
                    {
                        return; // stopping: closing the channel hands unacknowledged jobs back to the broker
                    }
                    if (sharedQueue && conn.IsOpen && channel.IsOpen && !consumer.CancelledByBroker && consumer.IdleFor(idle))
                    {
                        break;
                    }
                    // Closed by the broker, or its consumer cancelled by the broker (the queue was deleted): on an
                    // open connection neither comes back by itself.
                    closedChecks = (!channel.IsOpen || consumer.CancelledByBroker) && conn.IsOpen ? closedChecks + 1 : 0;
                }
                if (closedChecks < 2)
                {
                    LogRenewed(logger, idle.TotalSeconds);
                }
                else
                {
                    LogChannelFailed(logger, !channel.IsOpen ? "channel closed" : "consumer cancelled by the broker",
                        channel.CloseReason?.ReplyText ?? "");
                }
                await SettleAsync(() => new ValueTask(channel.CloseAsync()));
            }
        }
    }

    private static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A RabbitMQ consumer channel failed ({Error}: {Message}); starting a new one")]
    private static partial void LogChannelFailed(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A RabbitMQ consumer idle for {Seconds} s is renewed (a deaf consumer gets no notice)")]
    private static partial void LogRenewed(ILogger logger, double seconds);

    /// <summary>Waits for the broker (a runner may start before it), trying every ReconnectSeconds.</summary>
    private static async Task<IConnection?> ConnectAsync(RabbitMqConnection connection, string clientName, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await connection.TryGetAsync(clientName, stoppingToken) is { } conn)
            {
                return conn;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(connection.Options.ReconnectSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Hands a job back to the queue after a pause (the database is down: no hot loop meanwhile). Each return
    /// counts towards the delivery limit, so a long outage dead-letters the job rather than losing it.</summary>
    public static async Task RequeueLaterAsync(IChannel channel, ulong deliveryTag, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return; // stopping: the channel's close hands it back anyway
        }
        await SettleAsync(() => channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true, CancellationToken.None));
    }

    /// <summary>
    /// Waits for a client operation no longer than <paramref name="cancellationToken"/> allows. The client does not
    /// give up every wait when told to: opening a channel on a broker that hangs (holds the connection, answers
    /// nothing) waits out its 20 s continuation timeout whatever the token says. A request must get its 503 within its
    /// own bound; the operation left behind ends by itself and its failure is observed here.
    /// </summary>
    public static async Task<T> BoundedAsync<T>(Task<T> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!operation.IsCompleted)
        {
            _ = operation.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>
    /// A failure of the broker or of the link to it, as opposed to a bug of ours or a stop we asked for. Besides the
    /// client's own exceptions, the client reports an operation the broker never answered (its continuation timeout, 20 s
    /// by default: a broker that hangs) as a cancellation nobody asked for, or a TimeoutException. Such a failure must
    /// cost the operation, never the process: a runner whose consumer renewal met a hung broker stopped its host.
    /// </summary>
    public static bool IsBrokerFailure(Exception e, CancellationToken ours) =>
        e is AlreadyClosedException or OperationInterruptedException or IOException or BrokerUnreachableException
            or System.Net.Sockets.SocketException or TimeoutException or ObjectDisposedException
        || (e is OperationCanceledException && !ours.IsCancellationRequested);

    /// <summary>Acks and rejects on a channel that died with a broker restart fail; the broker has already put those
    /// jobs back, and their redelivery finds the result stored and is acked then. Closing what is already closed, too.</summary>
    public static async Task SettleAsync(Func<ValueTask> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception e) when (IsBrokerFailure(e, CancellationToken.None))
        {
        }
    }
}
