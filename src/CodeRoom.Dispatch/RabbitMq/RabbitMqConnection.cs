using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>
/// One connection per process, opened on first use. Once open, the client's automatic recovery reconnects it and
/// re-declares its queues and consumers after a broker restart. While the broker is unreachable, callers get null at
/// once (for ReconnectSeconds after a failed attempt) instead of each request waiting on a connect.
/// </summary>
public sealed partial class RabbitMqConnection(IOptions<RabbitMqOptions> options, TimeProvider time, ILogger<RabbitMqConnection> logger)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private DateTimeOffset _nextAttempt;
    private bool _loggedDown;

    public RabbitMqOptions Options => options.Value;

    /// <summary>An open connection with the topology declared, or null when the broker cannot be reached now.</summary>
    public async Task<IConnection?> TryGetAsync(string clientName, CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing.IsOpen ? existing : null; // recovering: the client reconnects by itself
        }
        if (time.GetUtcNow() < _nextAttempt)
        {
            return null;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return _connection.IsOpen ? _connection : null;
            }
            if (time.GetUtcNow() < _nextAttempt)
            {
                return null;
            }
            var factory = new ConnectionFactory
            {
                Uri = new Uri(Options.Url!),
                ClientProvidedName = clientName,
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
                RequestedHeartbeat = TimeSpan.FromSeconds(Options.HeartbeatSeconds),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            };
            try
            {
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                try
                {
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                    await RabbitMqTopology.DeclareAsync(channel, Options, cancellationToken);
                }
                catch
                {
                    // Not kept, so not left to its automatic recovery either (it would reconnect for ever, unused).
                    await RabbitMqConsumerSupport.SettleAsync(() => new ValueTask(connection.AbortAsync(TimeSpan.FromSeconds(1))));
                    connection.Dispose();
                    throw;
                }
                _connection = connection;
                _loggedDown = false;
                LogConnected(clientName);
                return connection;
            }
            catch (Exception e) when (RabbitMqConsumerSupport.IsBrokerFailure(e, cancellationToken))
            {
                _nextAttempt = time.GetUtcNow() + TimeSpan.FromSeconds(Options.ReconnectSeconds);
                if (!_loggedDown)
                {
                    _loggedDown = true;
                    LogUnreachable(e.GetType().Name, e.Message);
                }
                return null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await RabbitMqConsumerSupport.SettleAsync(() => new ValueTask(connection.CloseAsync(TimeSpan.FromSeconds(2))));
            connection.Dispose();
        }
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ as {Client}")]
    private partial void LogConnected(string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ is unreachable ({Error}: {Message}); trying again on demand")]
    private partial void LogUnreachable(string error, string message);
}

/// <summary>The queues and exchanges, declared the same way by every process (a declaration with other arguments is
/// refused by the broker: "inequivalent arg").</summary>
internal static class RabbitMqTopology
{
    public const string DeadLetterRoutingKey = "job";

    /// <summary>Declares everything (again: a queue deleted under a running fleet comes back) and returns the job
    /// queue's count of ready messages.</summary>
    public static async Task<uint> DeclareAsync(IChannel channel, RabbitMqOptions options, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(options.DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(options.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(options.DeadLetterQueue, options.DeadLetterExchange, DeadLetterRoutingKey,
            cancellationToken: cancellationToken);
        var jobs = await channel.QueueDeclareAsync(options.JobQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = options.DeliveryLimit,
                ["x-max-length"] = options.MaxQueuedJobs,
                ["x-overflow"] = "reject-publish",
                ["x-dead-letter-exchange"] = options.DeadLetterExchange,
                ["x-dead-letter-routing-key"] = DeadLetterRoutingKey,
            }, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(options.CompletedExchange, ExchangeType.Fanout, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        // Reference-solution checks for authoring: short-lived requests (each expires with the Api's wait), so a classic
        // queue; a broker restart losing one only makes that save answer 503.
        await channel.QueueDeclareAsync(options.VerifyQueue, durable: true, exclusive: false, autoDelete: false,
            cancellationToken: cancellationToken);
        // The editor's checks and formats (issue 15): likewise short-lived, each expiring with its asker's wait.
        await channel.QueueDeclareAsync(options.EditorQueue, durable: true, exclusive: false, autoDelete: false,
            cancellationToken: cancellationToken);
        return jobs.MessageCount;
    }
}
