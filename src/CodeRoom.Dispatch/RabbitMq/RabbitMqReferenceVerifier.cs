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
/// A fleet Api's reference-solution check (issue 12): the problem goes to the verify queue (<see cref="RabbitMqRpc"/>); a
/// runner judges the reference solutions and answers. The wait is bounded (RabbitMq:VerifyTimeoutSeconds), and the
/// request expires on the broker at the same time, so a runner never judges one nobody waits for. Broker down, no
/// runner in time or a runner's own failure: SandboxUnavailableException (503).
/// </summary>
public sealed partial class RabbitMqReferenceVerifier(RabbitMqConnection connection, RabbitMqRpc rpc, ILogger<RabbitMqReferenceVerifier> logger)
    : IReferenceVerifier
{
    public async Task<IReadOnlyList<ReferenceCheck>> VerifyAsync(ProblemDefinition definition, Problem problem, CancellationToken cancellationToken)
    {
        if (problem.ReferenceSolutions.Count == 0)
        {
            return [];
        }
        byte[] body;
        try
        {
            body = await rpc.CallAsync(connection.Options.VerifyQueue, JsonSerializer.SerializeToUtf8Bytes(definition, ContractJson.Options),
                TimeSpan.FromSeconds(connection.Options.VerifyTimeoutSeconds), cancellationToken);
        }
        catch (TimeoutException)
        {
            LogTimedOut(connection.Options.VerifyTimeoutSeconds);
            throw new SandboxUnavailableException(
                $"no runner checked the reference solutions within {connection.Options.VerifyTimeoutSeconds} s; try again later");
        }
        VerifyReply? answer;
        try
        {
            answer = VerifyReply.FromBytes(body);
        }
        catch (JsonException)
        {
            answer = null;
        }
        if (answer?.Checks is not { } checks)
        {
            LogRunnerFailed(answer?.Error ?? "unreadable reply");
            throw new SandboxUnavailableException("a runner could not check the reference solutions; try again later");
        }
        return checks;
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
        await RabbitMqRpc.ReplyAsync(channel, delivery, reply.ToBytes());
        await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None));
        LogVerified(reply.Checks?.Count(c => c.Accepted) ?? 0, reply.Checks?.Count ?? 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked reference solutions for authoring: {Accepted} of {Total} accepted")]
    private partial void LogVerified(int accepted, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check reference solutions for authoring")]
    private partial void LogFailed(Exception exception);
}
