using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>Consumes the dead-letter queue: a job that reached the delivery limit (it crashed its runner every time) or
/// could not be read. Its submission is marked failed with a message of ours (never the job's content), so a polling
/// client gets an answer, and the fleet goes on with the other jobs.</summary>
public sealed partial class RabbitMqDeadLetterConsumer(
    RabbitMqConnection connection,
    IServiceScopeFactory scopes,
    IJudgeCompletionNotifier notifier,
    TimeProvider time,
    ILogger<RabbitMqDeadLetterConsumer> logger) : BackgroundService
{
    internal const string Message = "the job was set aside after failing on every delivery (it stopped its runner each time)";
    private static readonly string[] NotFinal = [SubmissionStatuses.Queued, SubmissionStatuses.Running];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqConsumerSupport.ConsumeAsync(connection, "coderoom-runner", sharedQueue: true, async (conn, ct) =>
        {
            var channel = await conn.CreateChannelAsync(cancellationToken: ct);
            await RabbitMqTopology.DeclareAsync(channel, connection.Options, ct);
            await channel.BasicQosAsync(0, 16, false, ct);
            var consumer = new BrokerCancelAwareConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnDeadAsync(channel, delivery, stoppingToken);
            await channel.BasicConsumeAsync(connection.Options.DeadLetterQueue, autoAck: false, consumer, ct);
            return (channel, consumer);
        }, logger, stoppingToken);

    private async Task OnDeadAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var header = JudgeJobMessage.Header(delivery.BasicProperties, JudgeJobMessage.SubmissionIdHeader);
        if (Guid.TryParse(header ?? delivery.BasicProperties.MessageId, out var submissionId))
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                if (await JudgeJobProcessor.MarkFailedAsync(db, submissionId, Message, time.GetUtcNow(), NotFinal, stoppingToken))
                {
                    LogDeadLettered(submissionId);
                    await notifier.JudgeFinishedAsync(submissionId, stoppingToken);
                }
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // The database is down: hand the message back and try again shortly.
                LogMarkFailedFailed(e);
                await RabbitMqConsumerSupport.RequeueLaterAsync(channel, delivery.DeliveryTag, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, false, CancellationToken.None));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Judge job for {SubmissionId} was dead-lettered; its submission is marked failed")]
    private partial void LogDeadLettered(Guid submissionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark a dead-lettered job failed; trying again shortly")]
    private partial void LogMarkFailedFailed(Exception exception);
}
