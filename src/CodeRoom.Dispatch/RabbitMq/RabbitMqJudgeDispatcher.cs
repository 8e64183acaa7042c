using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>Publishes judge jobs as persistent messages to the quorum queue and returns only once the broker confirmed
/// them (publisher confirms), so the Api's 202 means the job survives a broker restart. Any failure to get that confirm
/// in time is <see cref="DispatchOutcome.Unavailable"/>: the Api answers 503 with Retry-After at once.</summary>
public sealed partial class RabbitMqJudgeDispatcher(RabbitMqConnection connection, ProblemRevisionStore revisions, TimeProvider time,
    ILogger<RabbitMqJudgeDispatcher> logger)
    : IJudgeDispatcher, IAsyncDisposable
{
    private readonly SemaphoreSlim _channelGate = new(1, 1);
    private IChannel? _channel;

    public async Task<DispatchOutcome> PublishAsync(JudgeJob job, CancellationToken cancellationToken)
    {
        var options = connection.Options;
        // The definition goes to the database once per revision, not through the broker with every job.
        try
        {
            await revisions.EnsureAsync(job.Problem, cancellationToken);
        }
        catch (Exception e) when (ProblemRevisionStore.IsDatabaseFailure(e))
        {
            LogPublishFailed("the problem's revision could not be stored: " + e.Message);
            return DispatchOutcome.Unavailable;
        }
        var message = new JudgeJobMessage(job.SubmissionId, job.Problem.Id, job.Problem.Revision);
        var headers = new Dictionary<string, object?>
        {
            [JudgeJobMessage.SubmissionIdHeader] = job.SubmissionId.ToString(),
            [JudgeJobMessage.PublishedAtHeader] = time.GetUtcNow().UtcTicks,
        };
        var started = time.GetTimestamp();
        JudgeTracing.Inject(headers);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = job.SubmissionId.ToString(),
            Headers = headers,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.PublishTimeoutSeconds));
        try
        {
            var channel = await RabbitMqConsumerSupport.BoundedAsync(GetChannelAsync(timeout.Token), timeout.Token);
            if (channel is null)
            {
                return DispatchOutcome.Unavailable;
            }
            // mandatory: an unroutable job (the queue deleted under us) comes back as a failed publish, not silence.
            try
            {
                await channel.BasicPublishAsync(exchange: "", routingKey: options.JobQueue, mandatory: true, basicProperties: properties,
                    body: message.ToBytes(), cancellationToken: timeout.Token);
            }
            catch (PublishException e) when (!e.IsReturn)
            {
                // Refused by the broker: the queue holds MaxQueuedJobs already (overflow reject-publish).
                LogQueueFull(options.MaxQueuedJobs);
                return DispatchOutcome.QueueFull;
            }
            catch (PublishException)
            {
                // Returned: the queue was deleted. Declare the queues again and try once more.
                await RabbitMqConsumerSupport.BoundedAsync(ReadyJobsAsync(timeout.Token), timeout.Token);
                await channel.BasicPublishAsync(exchange: "", routingKey: options.JobQueue, mandatory: true, basicProperties: properties,
                    body: message.ToBytes(), cancellationToken: timeout.Token);
            }
            LogConfirmed(job.SubmissionId, time.GetElapsedTime(started).TotalMilliseconds);
            return DispatchOutcome.Accepted;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed("no confirm within the timeout");
            return DispatchOutcome.Unavailable;
        }
        catch (Exception e) when (e is PublishException || RabbitMqConsumerSupport.IsBrokerFailure(e, cancellationToken))
        {
            LogPublishFailed(e.GetType().Name + ": " + e.Message);
            return DispatchOutcome.Unavailable;
        }
    }

    /// <summary>Declares the queues (again, if one was deleted) and returns how many jobs wait ready in the job queue,
    /// or null when the broker is unreachable. The Api's sweeper publishes lost jobs again only when none waits.</summary>
    public async Task<uint?> ReadyJobsAsync(CancellationToken cancellationToken)
    {
        if (await connection.TryGetAsync("coderoom-api", cancellationToken) is not { } conn)
        {
            return null;
        }
        try
        {
            await using var channel = await conn.CreateChannelAsync(cancellationToken: cancellationToken);
            return await RabbitMqTopology.DeclareAsync(channel, connection.Options, cancellationToken);
        }
        catch (Exception e) when (RabbitMqConsumerSupport.IsBrokerFailure(e, cancellationToken))
        {
            LogPublishFailed("declaring the queues: " + e.Message);
            return null;
        }
    }

    private async Task<IChannel?> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }
        var conn = await connection.TryGetAsync("coderoom-api", cancellationToken);
        if (conn is null)
        {
            return null;
        }
        await _channelGate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } again)
            {
                return again;
            }
            if (_channel is { } closed)
            {
                // Closed by the broker (not a connection loss, which recovery handles): start a new one.
                closed.Dispose();
                _channel = null;
            }
            _channel = await conn.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
            return _channel;
        }
        finally
        {
            _channelGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await RabbitMqConsumerSupport.SettleAsync(() => new ValueTask(channel.CloseAsync()));
            channel.Dispose();
        }
        _channelGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {SubmissionId}, confirmed after {ConfirmMs:0.00} ms")]
    private partial void LogConfirmed(Guid submissionId, double confirmMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The judge queue holds {Max} jobs, its bound; answering 503")]
    private partial void LogQueueFull(int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue a judge job on RabbitMQ ({Reason}); answering 503")]
    private partial void LogPublishFailed(string reason);
}
