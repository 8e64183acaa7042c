using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using RabbitMQ.Client;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>A judge job on the wire: the submission and the problem's (id, revision), whose definition the runner reads
/// from problem_revisions (<see cref="ProblemRevisionStore"/>), validates once and caches. <see cref="Problem"/> is only
/// set by Api instances of an earlier version, which sent the whole definition with every job; runners still take it.</summary>
internal sealed record JudgeJobMessage(Guid SubmissionId, int ProblemId, int ProblemRevision, ProblemDefinition? Problem = null)
{
    public const string SubmissionIdHeader = "submission-id";
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    /// <summary>When the Api published the job (UTC ticks): the runner logs the broker hop at Debug.</summary>
    public const string PublishedAtHeader = "x-published-at";

    public static long? Ticks(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true && value is long ticks ? ticks : null;

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, ContractJson.Options);

    public static JudgeJobMessage? FromBytes(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<JudgeJobMessage>(body, ContractJson.Options);

    public static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}

/// <summary>W3C trace context through the message headers: one run is one trace from request to sandbox.</summary>
public static class JudgeTracing
{
    public static readonly ActivitySource Source = new("CodeRoom.Dispatch");

    /// <summary>The current trace's context, starting one when there is none (no listener in this process), so
    /// that the runner's logs always carry a trace id the Api's request can be matched with.</summary>
    internal static void Inject(IDictionary<string, object?> headers)
    {
        var activity = Activity.Current;
        Activity? own = null;
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            own = new Activity("coderoom.judge.publish");
            own.SetIdFormat(ActivityIdFormat.W3C);
            if (activity?.Id is { } parent && activity.IdFormat == ActivityIdFormat.W3C)
            {
                own.SetParentId(parent);
            }
            own.Start();
            activity = own;
        }
        headers[JudgeJobMessage.TraceParentHeader] = activity.Id;
        if (activity.TraceStateString is { Length: > 0 } state)
        {
            headers[JudgeJobMessage.TraceStateHeader] = state;
        }
        own?.Stop();
    }

    /// <summary>Starts the runner's activity for one job as a child of the publisher's trace.</summary>
    internal static Activity StartJob(string? traceParent, string? traceState)
    {
        var activity = Source.StartActivity("coderoom.judge.job", ActivityKind.Consumer,
            ActivityContext.TryParse(traceParent, traceState, out var context) ? context : default);
        if (activity is not null)
        {
            return activity;
        }
        // No listener: a plain activity still carries the ids into the log scope.
        var plain = new Activity("coderoom.judge.job");
        plain.SetIdFormat(ActivityIdFormat.W3C);
        if (traceParent is not null && ActivityContext.TryParse(traceParent, traceState, out _))
        {
            plain.SetParentId(traceParent);
            plain.TraceStateString = traceState;
        }
        return plain.Start();
    }
}
