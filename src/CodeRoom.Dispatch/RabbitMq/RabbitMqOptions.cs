using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>The runner fleet's transport (issue 12). Url (RABBITMQ_URL) set: the Api publishes judge jobs to RabbitMQ
/// and judges nothing itself; runners consume them. Unset: the in-process queue.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>amqp://user:pass@host:port/vhost</summary>
    public string? Url { get; set; }

    [Required, RegularExpression("^[A-Za-z0-9_.:-]+$")] public string Prefix { get; set; } = "coderoom";

    /// <summary>Deliveries of one job before it is dead-lettered and its submission marked failed (a job that crashes
    /// its runner every time must not take the fleet down with it).</summary>
    [Range(1, 100)] public int DeliveryLimit { get; set; } = 3;

    /// <summary>Jobs the queue holds at most (x-max-length, overflow reject-publish): beyond it the broker refuses the
    /// publish and the Api answers 503 with Retry-After, so a flood cannot grow the queue (and the broker's memory and
    /// disk) without bound. Like DeliveryLimit it is a queue argument: the same everywhere, and changing it means
    /// deleting the queue or using another Prefix.</summary>
    [Range(1, 10_000_000)] public int MaxQueuedJobs { get; set; } = 10_000;

    /// <summary>How long the Api waits for the broker's confirm before answering 503.</summary>
    [Range(0.1, 60)] public double PublishTimeoutSeconds { get; set; } = 5;

    /// <summary>After a failed connect, requests answer 503 at once for this long instead of each trying again.</summary>
    [Range(0.1, 60)] public double ReconnectSeconds { get; set; } = 1;

    /// <summary>AMQP heartbeat: a hung runner host loses its jobs to the others after about two of these.</summary>
    [Range(1, 600)] public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>A consumer (runner or Api) with nothing to do for this long is renewed: a new channel and consumer, so one
    /// the broker stopped feeding without notice (a quorum queue deleted and declared again at once, issue 12) is deaf for
    /// at most this long. An idle renewal costs one channel open and close.</summary>
    [Range(5, 3600)] public int IdleResubscribeSeconds { get; set; } = 30;

    /// <summary>How long a fleet Api waits for a runner to check or format the editor's code (issue 15) before answering
    /// 503 (the page keeps its markers); the request expires on the broker then too.</summary>
    [Range(1, 60)] public int EditorTimeoutSeconds { get; set; } = 5;

    /// <summary>How long problem authoring waits for a runner to judge the reference solutions (fleet mode) before
    /// answering 503; the request also expires on the broker then, so no runner judges it after the Api gave up.</summary>
    [Range(1, 600)] public int VerifyTimeoutSeconds { get; set; } = 60;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);

    public string JobQueue => Prefix + ".judge.jobs";
    public string DeadLetterExchange => Prefix + ".judge.dead";
    public string DeadLetterQueue => Prefix + ".judge.dead";
    public string CompletedExchange => Prefix + ".judge.completed";
    public string VerifyQueue => Prefix + ".judge.verify";
    public string EditorQueue => Prefix + ".editor";
}

[OptionsValidator]
public sealed partial class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>;
