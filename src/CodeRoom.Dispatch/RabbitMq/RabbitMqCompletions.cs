using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>A runner's half of the cross-process wait (JUDGE_WAIT_SECONDS): after committing a result it announces the
/// submission id on a fanout exchange every Api instance listens to. Best effort: a lost event only means the waiting
/// request answers 202 and the client polls.</summary>
public sealed class RabbitMqCompletionNotifier(RabbitMqConnection connection, TimeProvider time) : IJudgeCompletionNotifier, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public async ValueTask JudgeFinishedAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        if (await connection.TryGetAsync("coderoom-runner", cancellationToken) is not { } conn)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                _channel?.Dispose();
                _channel = await conn.CreateChannelAsync(cancellationToken: cancellationToken);
            }
            var properties = new BasicProperties
            {
                Headers = new Dictionary<string, object?> { [JudgeJobMessage.PublishedAtHeader] = time.GetUtcNow().UtcTicks },
            };
            await _channel.BasicPublishAsync(connection.Options.CompletedExchange, routingKey: "", mandatory: false, properties,
                Encoding.ASCII.GetBytes(submissionId.ToString()), cancellationToken);
        }
        catch (Exception e) when (RabbitMqConsumerSupport.IsBrokerFailure(e, cancellationToken))
        {
            // The event is a shortcut: an Api that misses it answers 202 and its client polls.
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>An Api instance's half: a private, server-named queue bound to the completion exchange, feeding
/// <see cref="JudgeCompletions"/> (re-declared by the client's recovery after a broker restart).</summary>
public sealed partial class RabbitMqCompletionListener(RabbitMqConnection connection, JudgeCompletions completions,
    TimeProvider time, ILogger<RabbitMqCompletionListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqConsumerSupport.ConsumeAsync(connection, "coderoom-api", sharedQueue: false, async (conn, ct) =>
        {
            var channel = await conn.CreateChannelAsync(cancellationToken: ct);
            var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
            await channel.QueueBindAsync(queue.QueueName, connection.Options.CompletedExchange, "", cancellationToken: ct);
            var consumer = new BrokerCancelAwareConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                if (Guid.TryParse(Encoding.ASCII.GetString(delivery.Body.Span), out var id))
                {
                    completions.Completed(id);
                    if (logger.IsEnabled(LogLevel.Debug) && JudgeJobMessage.Ticks(delivery.BasicProperties, JudgeJobMessage.PublishedAtHeader) is { } sent)
                    {
                        LogHeard(id, TimeSpan.FromTicks(time.GetUtcNow().UtcTicks - sent).TotalMilliseconds);
                    }
                }
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, ct);
            LogListening();
            return (channel, consumer);
        }, logger, stoppingToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heard that {SubmissionId} finished {HeardMs:0.00} ms after the runner announced it")]
    private partial void LogHeard(Guid submissionId, double heardMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for finished judge jobs on RabbitMQ")]
    private partial void LogListening();
}
