using System.Diagnostics;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CodeRoom.Bench;

/// <summary>
/// The broker alone, on the bench's RabbitMQ, with nothing judging: a 300-byte persistent message published with confirms
/// to a durable quorum queue and consumed with manual acks (a judge job's path), and a transient one through a classic
/// queue (a completion event's path), one at a time, timed publish to delivery. What the fleet's hop cannot be faster
/// than, and what it would be with the machine to itself.
/// </summary>
internal static class BrokerRoundTrip
{
    internal sealed record Result(Summary Quorum, Summary Classic);

    public static async Task<Result> MeasureAsync(string url, int samples, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var publishing = await factory.CreateConnectionAsync("coderoom-bench-publish", cancellationToken);
        await using var consuming = await factory.CreateConnectionAsync("coderoom-bench-consume", cancellationToken);
        var quorum = await OneAsync(publishing, consuming, "quorum", persistent: true, samples, cancellationToken);
        var classic = await OneAsync(publishing, consuming, "classic", persistent: false, samples, cancellationToken);
        return new(quorum, classic);
    }

    private static async Task<Summary> OneAsync(IConnection publishing, IConnection consuming, string type, bool persistent, int samples,
        CancellationToken cancellationToken)
    {
        var queue = $"coderoom-bench-rtt-{type}-{Guid.NewGuid():N}";
        await using var publisher = await publishing.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: persistent, publisherConfirmationTrackingEnabled: persistent), cancellationToken);
        await using var subscriber = await consuming.CreateChannelAsync(cancellationToken: cancellationToken);
        await publisher.QueueDeclareAsync(queue, durable: persistent, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = type }, cancellationToken: cancellationToken);
        try
        {
            var delivered = Channel.CreateUnbounded<long>();
            var consumer = new AsyncEventingBasicConsumer(subscriber);
            consumer.ReceivedAsync += async (_, e) =>
            {
                delivered.Writer.TryWrite(Stopwatch.GetTimestamp());
                await subscriber.BasicAckAsync(e.DeliveryTag, multiple: false, CancellationToken.None);
            };
            await subscriber.BasicQosAsync(0, 1, global: false, cancellationToken);
            await subscriber.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
            var body = new byte[300];
            var times = new List<double>(samples);
            for (var i = 0; i < samples + 20; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await publisher.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { Persistent = persistent }, body, cancellationToken);
                var at = await delivered.Reader.ReadAsync(cancellationToken);
                if (i >= 20)
                {
                    times.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds); // the first 20 warm up
                }
                await Task.Delay(2, cancellationToken);
            }
            return Summary.Of(times);
        }
        finally
        {
            await publisher.QueueDeleteAsync(queue, cancellationToken: CancellationToken.None);
        }
    }
}
