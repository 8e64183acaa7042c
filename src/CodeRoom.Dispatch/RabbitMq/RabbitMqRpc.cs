using System.Collections.Concurrent;
using System.Globalization;
using CodeRoom.Judge.Sandbox;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>
/// An Api instance's request to whichever runner takes it, and the wait for its answer: published (with confirms, and
/// mandatory, so a missing queue fails at once) with this instance's reply queue and a correlation id, expiring on the
/// broker when the wait ends, so no runner works for a caller that gave up. Broker unreachable: SandboxUnavailable
/// (503); no answer in time: TimeoutException. Used for authoring's reference-solution checks and the editor's checks
/// and formats (issues 12 and 15).
/// </summary>
public sealed class RabbitMqRpc(RabbitMqConnection connection) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _pending = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Named by us, not the server: the client's recovery re-declares it under the same name after a broker restart.
    private readonly string _replyQueue = connection.Options.Prefix + ".reply." + Guid.NewGuid().ToString("N");
    private IChannel? _channel;

    public async Task<byte[]> CallAsync(string queue, byte[] body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var reply = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        // The whole call is bounded, not only the wait for the answer: a broker that takes the connection but never
        // confirms the publish (a resource alarm blocks publishers; a node too busy to answer) held an editor check
        // until the client gave up, 3 minutes in CI.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            var channel = await RabbitMqConsumerSupport.BoundedAsync(GetChannelAsync(bound.Token), bound.Token)
                ?? throw new SandboxUnavailableException("the judge fleet's broker is unreachable; try again shortly");
            var headers = new Dictionary<string, object?>();
            JudgeTracing.Inject(headers);
            var properties = new BasicProperties
            {
                CorrelationId = id,
                ReplyTo = _replyQueue,
                ContentType = "application/json",
                Expiration = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                Headers = headers,
            };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, body, bound.Token);
            return await reply.Task.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is PublishException || RabbitMqConsumerSupport.IsBrokerFailure(e, cancellationToken))
        {
            throw new SandboxUnavailableException("the judge fleet's broker did not take the request; try again shortly", e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task<IChannel?> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }
        if (await connection.TryGetAsync("coderoom-api", cancellationToken) is not { } conn)
        {
            return null;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } again)
            {
                return again;
            }
            _channel?.Dispose();
            var channel = await conn.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            try
            {
                await channel.QueueDeclareAsync(_replyQueue, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) =>
                {
                    if (delivery.BasicProperties.CorrelationId is { } correlation && _pending.TryGetValue(correlation, out var waiter))
                    {
                        waiter.TrySetResult(delivery.Body.ToArray());
                    }
                    return Task.CompletedTask;
                };
                await channel.BasicConsumeAsync(_replyQueue, autoAck: true, consumer, cancellationToken);
            }
            catch
            {
                channel.Dispose(); // a set-up cut short (the caller's bound) leaves no half-made channel behind
                throw;
            }
            _channel = channel;
            return channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A runner's answer to a request it took: to the asker's reply queue, under its correlation id.</summary>
    internal static Task ReplyAsync(IChannel channel, BasicDeliverEventArgs request, byte[] body) =>
        request.BasicProperties.ReplyTo is { Length: > 0 } replyTo && request.BasicProperties.CorrelationId is { } correlation
            ? RabbitMqConsumerSupport.SettleAsync(() => channel.BasicPublishAsync("", replyTo, mandatory: false,
                new BasicProperties { CorrelationId = correlation, ContentType = "application/json" }, body, CancellationToken.None))
            : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await RabbitMqConsumerSupport.SettleAsync(() => new ValueTask(channel.CloseAsync()));
            channel.Dispose();
        }
        _gate.Dispose();
    }
}
