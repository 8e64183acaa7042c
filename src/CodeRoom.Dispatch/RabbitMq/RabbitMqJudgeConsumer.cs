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
    ILogger<RabbitMqJudgeConsumer> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(int Id, int Revision), Problem> _problems = new();

    public int Concurrency => queueOptions.Value.Workers > 0 ? queueOptions.Value.Workers : sandboxOptions.Value.Slots;

    /// <summary>Set once the consumer is registered with the broker (tests and the start-up log wait on it).</summary>
    public TaskCompletionSource Consuming { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqConsumerSupport.ConsumeAsync(connection, "coderoom-runner", connection.Options.JobQueue, StartAsync, logger, stoppingToken);

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
        LogConsuming(connection.Options.JobQueue, concurrency);
        Consuming.TrySetResult();
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
            problem = message is null ? null : Validated(message);
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
        var outcome = await processor.ProcessAsync(message.SubmissionId, problem, delivery.Redelivered, failOnShutdown: false, stoppingToken);
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

    private Problem? Validated(JudgeJobMessage message)
    {
        if (_problems.TryGetValue((message.ProblemId, message.ProblemRevision), out var cached))
        {
            return cached;
        }
        var (problem, errors) = ProblemValidator.Validate(message.Problem);
        if (problem is null)
        {
            LogUnreadable("the problem does not validate: " + string.Join("; ", errors));
            return null;
        }
        if (_problems.Count > 512)
        {
            _problems.Clear(); // old revisions: cheap to validate again
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable judge job, dead-lettered: {Reason}")]
    private partial void LogUnreadable(string reason);
}

/// <summary>A consumer that remembers a basic.cancel from the broker (its queue was deleted): unlike a connection loss,
/// which the client's recovery repairs, nothing re-subscribes it.</summary>
internal sealed class BrokerCancelAwareConsumer(IChannel channel) : AsyncEventingBasicConsumer(channel)
{
    private volatile bool _cancelledByBroker;

    public bool CancelledByBroker => _cancelledByBroker;

    public override Task HandleBasicCancelAsync(string consumerTag, CancellationToken cancellationToken = default)
    {
        _cancelledByBroker = true;
        return base.HandleBasicCancelAsync(consumerTag, cancellationToken);
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
    /// </summary>
    /// <param name="queue">A shared queue to probe every 10 s: gone, or served by no consumer at all, means ours was
    /// lost with a deletion even if the broker's cancel notification never reached us. Null for a private queue.</param>
    public static async Task ConsumeAsync(RabbitMqConnection connection, string clientName, string? queue,
        Func<IConnection, CancellationToken, Task<(IChannel, BrokerCancelAwareConsumer)>> start, ILogger logger, CancellationToken stoppingToken)
    {
        while (await ConnectAsync(connection, clientName, stoppingToken) is { } conn)
        {
            IChannel channel;
            BrokerCancelAwareConsumer consumer;
            try
            {
                (channel, consumer) = await start(conn, stoppingToken);
            }
            catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException)
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
                var ticks = 0;
                var unserved = false;
                while (closedChecks < 2)
                {
                    if (!await PauseAsync(TimeSpan.FromSeconds(2), stoppingToken))
                    {
                        return; // stopping: closing the channel hands unacknowledged jobs back to the broker
                    }
                    // A consumer the broker already cancelled is replaced by the count below; no probe needed.
                    if (queue is not null && ++ticks % 5 == 0 && conn.IsOpen && channel.IsOpen && !consumer.CancelledByBroker)
                    {
                        unserved = !await ServedAsync(conn, queue, stoppingToken);
                    }
                    // Closed by the broker, or its consumer cancelled by the broker (the queue was deleted): on an
                    // open connection neither comes back by itself.
                    closedChecks = unserved ? 2
                        : (!channel.IsOpen || consumer.CancelledByBroker) && conn.IsOpen ? closedChecks + 1 : 0;
                }
                LogChannelFailed(logger, !channel.IsOpen ? "channel closed" : unserved ? "the queue was gone or had no consumer"
                    : "consumer cancelled by the broker", channel.CloseReason?.ReplyText ?? "");
                await SettleAsync(() => new ValueTask(channel.CloseAsync()));
            }
        }
    }

    /// <summary>False when the queue is gone or nobody consumes it (so not we either), or when the probe does not
    /// answer within 10 s: a probe channel the broker closed with 404 was seen to hang in the client, and that hang
    /// stopped this loop for good (the runner then consumed nothing until restarted). Replacing a channel is cheap;
    /// a runner that consumes nothing is not. True when unsure for any other reason.</summary>
    private static async Task<bool> ServedAsync(IConnection conn, string queue, CancellationToken stoppingToken)
    {
        var probe = ProbeAsync(conn, queue, stoppingToken);
        var answered = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(10), stoppingToken));
        return answered == probe && await probe;
    }

    private static async Task<bool> ProbeAsync(IConnection conn, string queue, CancellationToken stoppingToken)
    {
        try
        {
            await using var probe = await conn.CreateChannelAsync(cancellationToken: stoppingToken);
            var ok = await probe.QueueDeclarePassiveAsync(queue, stoppingToken);
            return ok.ConsumerCount > 0;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            return true;
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

    /// <summary>Acks and rejects on a channel that died with a broker restart fail; the broker has already put those
    /// jobs back, and their redelivery finds the result stored and is acked then. Closing what is already closed, too.</summary>
    public static async Task SettleAsync(Func<ValueTask> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
        }
    }
}
