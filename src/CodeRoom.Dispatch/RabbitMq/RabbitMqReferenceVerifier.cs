using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>The answer to a verification request: the checks, or why the runner could not make them.</summary>
internal sealed record VerifyReply(IReadOnlyList<ReferenceCheck>? Checks, string? Error)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, JudgeJobProcessor.WireJson);

    public static VerifyReply? FromBytes(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<VerifyReply>(body, JudgeJobProcessor.WireJson);
}

/// <summary>
/// A fleet Api's reference-solution check (issue 12): the problem goes to the verify queue with this instance's reply
/// queue and a correlation id; a runner judges the reference solutions and answers there. The wait is bounded
/// (RabbitMq:VerifyTimeoutSeconds), and the request expires on the broker at the same time, so a runner never judges
/// one nobody waits for. Broker down, no runner in time or a runner's own failure: SandboxUnavailableException (503).
/// </summary>
public sealed partial class RabbitMqReferenceVerifier(RabbitMqConnection connection, ILogger<RabbitMqReferenceVerifier> logger)
    : IReferenceVerifier, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<VerifyReply?>> _pending = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Named by us, not the server: the client's recovery re-declares it under the same name after a broker restart.
    private readonly string _replyQueue = connection.Options.Prefix + ".verify.reply." + Guid.NewGuid().ToString("N");
    private IChannel? _channel;

    public async Task<IReadOnlyList<ReferenceCheck>> VerifyAsync(ProblemDefinition definition, Problem problem, CancellationToken cancellationToken)
    {
        if (problem.ReferenceSolutions.Count == 0)
        {
            return [];
        }
        var timeout = TimeSpan.FromSeconds(connection.Options.VerifyTimeoutSeconds);
        var id = Guid.NewGuid().ToString("N");
        var reply = new TaskCompletionSource<VerifyReply?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        try
        {
            var channel = await GetChannelAsync(cancellationToken)
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
            // mandatory + confirms: a verify queue that is missing fails the publish instead of waiting out the timeout.
            await channel.BasicPublishAsync("", connection.Options.VerifyQueue, mandatory: true, properties,
                JsonSerializer.SerializeToUtf8Bytes(definition, ContractJson.Options), cancellationToken);
            var answer = await reply.Task.WaitAsync(timeout, cancellationToken);
            if (answer?.Checks is not { } checks)
            {
                LogRunnerFailed(answer?.Error ?? "unreadable reply");
                throw new SandboxUnavailableException("a runner could not check the reference solutions; try again later");
            }
            return checks;
        }
        catch (TimeoutException)
        {
            LogTimedOut(connection.Options.VerifyTimeoutSeconds);
            throw new SandboxUnavailableException(
                $"no runner checked the reference solutions within {connection.Options.VerifyTimeoutSeconds} s; try again later");
        }
        catch (Exception e) when (e is PublishException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            throw new SandboxUnavailableException("the judge fleet's broker did not take the check; try again shortly", e);
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
            await channel.QueueDeclareAsync(_replyQueue, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                if (delivery.BasicProperties.CorrelationId is { } correlation && _pending.TryGetValue(correlation, out var waiter))
                {
                    try
                    {
                        waiter.TrySetResult(VerifyReply.FromBytes(delivery.Body.Span));
                    }
                    catch (JsonException)
                    {
                        waiter.TrySetResult(null);
                    }
                }
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(_replyQueue, autoAck: true, consumer, cancellationToken);
            _channel = channel;
            return channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await RabbitMqConsumerSupport.SettleAsync(() => new ValueTask(channel.CloseAsync()));
            channel.Dispose();
        }
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No runner checked the reference solutions within {Seconds} s; answering 503")]
    private partial void LogTimedOut(int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A runner could not check the reference solutions: {Error}")]
    private partial void LogRunnerFailed(string error);
}

/// <summary>A runner's half: judges the reference solutions of a problem an admin is saving and answers the Api that
/// asked. One at a time: authoring is rare, and the judge jobs keep the other slots.</summary>
public sealed partial class RabbitMqVerifyConsumer(
    RabbitMqConnection connection,
    LocalReferenceVerifier verifier,
    ILogger<RabbitMqVerifyConsumer> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqConsumerSupport.ConsumeAsync(connection, "coderoom-runner", sharedQueue: true, async (conn, ct) =>
        {
            var channel = await conn.CreateChannelAsync(cancellationToken: ct);
            await RabbitMqTopology.DeclareAsync(channel, connection.Options, ct);
            await channel.BasicQosAsync(0, 1, false, ct);
            var consumer = new BrokerCancelAwareConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnRequestAsync(channel, delivery, stoppingToken);
            await channel.BasicConsumeAsync(connection.Options.VerifyQueue, autoAck: false, consumer, ct);
            return (channel, consumer);
        }, logger, stoppingToken);

    private async Task OnRequestAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var replyTo = delivery.BasicProperties.ReplyTo;
        var correlation = delivery.BasicProperties.CorrelationId;
        VerifyReply reply;
        using (var activity = JudgeTracing.StartJob(JudgeJobMessage.Header(delivery.BasicProperties, JudgeJobMessage.TraceParentHeader),
            JudgeJobMessage.Header(delivery.BasicProperties, JudgeJobMessage.TraceStateHeader)))
        {
            try
            {
                var definition = JsonSerializer.Deserialize<ProblemDefinition>(delivery.Body.Span, ContractJson.Options);
                var (problem, errors) = definition is null ? (null, ["empty request"]) : ProblemValidator.Validate(definition);
                reply = problem is null
                    ? new VerifyReply(null, "the problem does not validate: " + string.Join("; ", errors))
                    : new VerifyReply(await verifier.VerifyAsync(problem, stoppingToken), null);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopping: unacknowledged, so another runner gets it if the Api still waits
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Our machinery (sandbox, a bad request): the Api answers 503; the detail stays in this log.
                LogFailed(e);
                reply = new VerifyReply(null, e.GetType().Name);
            }
        }
        if (replyTo is { Length: > 0 } && correlation is not null)
        {
            await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicPublishAsync("", replyTo, mandatory: false,
                new BasicProperties { CorrelationId = correlation, ContentType = "application/json" }, reply.ToBytes(), CancellationToken.None));
        }
        await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None));
        LogVerified(reply.Checks?.Count(c => c.Accepted) ?? 0, reply.Checks?.Count ?? 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked reference solutions for authoring: {Accepted} of {Total} accepted")]
    private partial void LogVerified(int accepted, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check reference solutions for authoring")]
    private partial void LogFailed(Exception exception);
}
