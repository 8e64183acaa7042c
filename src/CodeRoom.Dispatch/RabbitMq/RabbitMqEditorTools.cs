using System.Text.Json;
using CodeRoom.Judge.Checking;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Formatting;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>An editor request on the wire: a check (with the problem's signature, which the harness is built from) or a
/// format.</summary>
internal sealed record EditorRequest(string Kind, LanguageId Language, string Code, Signature? Signature)
{
    public const string Check = "check";
    public const string Format = "format";
}

/// <summary>A runner's answer: the check's or the format's result (none when the language is checked or formatted in the
/// browser), or why it could not make one.</summary>
internal sealed record EditorReply(CheckResult? Check, FormatResult? Format, string? Error);

/// <summary>
/// A fleet Api's live diagnostics and server formatting (issue 15): the Api has no sandbox and no toolchains, so a runner
/// checks or formats (<see cref="RabbitMqRpc"/> on the editor queue) and answers within RabbitMq:EditorTimeoutSeconds;
/// otherwise 503, and the page keeps its markers. The runner also decides whether a language is checked on the server at
/// all (no result and no error: the browser checks it), since that is a property of its toolchains.
/// </summary>
public sealed partial class RabbitMqEditorTools(RabbitMqConnection connection, RabbitMqRpc rpc, ILogger<RabbitMqEditorTools> logger)
    : IEditorTools
{
    public async Task<CheckResult?> CheckAsync(Signature signature, LanguageId language, string code, CancellationToken cancellationToken) =>
        (await CallAsync(new EditorRequest(EditorRequest.Check, language, code, signature), cancellationToken)).Check;

    public async Task<FormatResult?> FormatAsync(LanguageId language, string code, CancellationToken cancellationToken) =>
        (await CallAsync(new EditorRequest(EditorRequest.Format, language, code, null), cancellationToken)).Format;

    private async Task<EditorReply> CallAsync(EditorRequest request, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await rpc.CallAsync(connection.Options.EditorQueue, JsonSerializer.SerializeToUtf8Bytes(request, ContractJson.Options),
                TimeSpan.FromSeconds(connection.Options.EditorTimeoutSeconds), cancellationToken);
        }
        catch (TimeoutException)
        {
            LogTimedOut(request.Kind, connection.Options.EditorTimeoutSeconds);
            throw new SandboxUnavailableException($"no runner answered within {connection.Options.EditorTimeoutSeconds} s");
        }
        EditorReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<EditorReply>(body, ContractJson.Options);
        }
        catch (JsonException)
        {
            reply = null;
        }
        if (reply is null || reply.Error is not null)
        {
            LogRunnerFailed(request.Kind, reply?.Error ?? "unreadable reply");
            throw new SandboxUnavailableException("a runner could not " + request.Kind + " the code");
        }
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No runner answered an editor {Kind} within {Seconds} s; answering 503")]
    private partial void LogTimedOut(string kind, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A runner could not answer an editor {Kind}: {Error}")]
    private partial void LogRunnerFailed(string kind, string error);
}

/// <summary>A runner's half: checks and formats for the fleet's Api instances, as many at once as the runner's editor
/// cap (Judge:MaxConcurrentChecks, shared with nothing else here); a request whose asker gave up has expired on the
/// broker and never arrives.</summary>
public sealed partial class RabbitMqEditorConsumer(
    RabbitMqConnection connection,
    LocalEditorTools tools,
    Microsoft.Extensions.Options.IOptions<Judge.JudgeOptions> judgeOptions,
    ILogger<RabbitMqEditorConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqConsumerSupport.ConsumeAsync(connection, "coderoom-runner", sharedQueue: true, async (conn, ct) =>
        {
            var prefetch = (ushort)Math.Clamp(judgeOptions.Value.MaxConcurrentChecks, 1, 64);
            var channel = await conn.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: prefetch), ct);
            await RabbitMqTopology.DeclareAsync(channel, connection.Options, ct);
            await channel.BasicQosAsync(0, prefetch, false, ct);
            var consumer = new BrokerCancelAwareConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnRequestAsync(channel, delivery, stoppingToken);
            await channel.BasicConsumeAsync(connection.Options.EditorQueue, autoAck: false, consumer, ct);
            return (channel, consumer);
        }, logger, stoppingToken);

    private async Task OnRequestAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        EditorReply reply;
        try
        {
            var request = JsonSerializer.Deserialize<EditorRequest>(delivery.Body.Span, ContractJson.Options)
                ?? throw new JsonException("empty request");
            reply = request.Kind switch
            {
                EditorRequest.Check when request.Signature is { } signature =>
                    new EditorReply(await tools.CheckAsync(signature, request.Language, request.Code, stoppingToken), null, null),
                EditorRequest.Format => new EditorReply(null, await tools.FormatAsync(request.Language, request.Code, stoppingToken), null),
                _ => new EditorReply(null, null, "unknown request"),
            };
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // stopping: unacknowledged, so another runner gets it if the Api still waits
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Our machinery (sandbox, a bad request): the Api answers 503; the detail stays in this log.
            LogFailed(e);
            reply = new EditorReply(null, null, e.GetType().Name);
        }
        await RabbitMqRpc.ReplyAsync(channel, delivery, JsonSerializer.SerializeToUtf8Bytes(reply, ContractJson.Options));
        await RabbitMqConsumerSupport.SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not answer an editor request")]
    private partial void LogFailed(Exception exception);
}
