using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeRoom.Dispatch.Telemetry;

/// <summary>One trace per run: the job carries the publishing request's span context (in-process: in the
/// <see cref="JudgeJob"/>; RabbitMQ: the W3C traceparent header, <see cref="RabbitMq.JudgeTracing"/>); the worker that
/// claims it starts <c>coderoom.judge.job</c> as its child, so compile and every sandboxed process (spans of the judge
/// and the sandbox) hang under the HTTP request. The verdict is set on the job span and, when the request waited for
/// it, on the request's (root) span. BCL only (Meter, ActivitySource): the hosts wire the OpenTelemetry SDK.</summary>
public static class RunTelemetry
{
    public const string Name = "CodeRoom.Dispatch";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Runs and submits judged (a verdict stored, or failed by our machinery), by mode and verdict.</summary>
    public static readonly Counter<long> Runs = Meter.CreateCounter<long>("coderoom.runs", "{run}", "Runs and submits judged, by mode and verdict");

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("coderoom.judge.queue.wait", "s",
        "Time a job waited from being stored to being claimed by a worker");

    private static int _busy;

    /// <summary>Jobs this process is processing now (a runner's heartbeat reports it).</summary>
    public static int Busy => Volatile.Read(ref _busy);

    internal static void JobStarted() => Interlocked.Increment(ref _busy);

    internal static void JobEnded() => Interlocked.Decrement(ref _busy);

    /// <summary>In-process: the job's span, a child of the request that published it.</summary>
    public static Activity? StartJob(Guid submissionId, ActivityContext parent)
    {
        var activity = Source.StartActivity("coderoom.judge.job", ActivityKind.Consumer, parent);
        activity?.SetTag("coderoom.submission_id", submissionId.ToString());
        return activity;
    }

    public static void Claimed(Activity? activity, string mode, string language, DateTimeOffset createdAt, DateTimeOffset claimedAt)
    {
        var wait = Math.Max(0, (claimedAt - createdAt).TotalSeconds);
        QueueWait.Record(wait, new KeyValuePair<string, object?>("coderoom.mode", mode));
        activity?.SetTag("coderoom.mode", mode);
        activity?.SetTag("coderoom.language", language);
        activity?.SetTag("coderoom.queue.wait_ms", Math.Round(wait * 1000, 3));
    }

    /// <summary>verdict: the wire verdict, or "failed" when our machinery failed.</summary>
    public static void Finished(Activity? activity, string mode, string verdict)
    {
        Runs.Add(1, new KeyValuePair<string, object?>("coderoom.mode", mode), new KeyValuePair<string, object?>("coderoom.verdict", verdict));
        activity?.SetTag("coderoom.verdict", verdict);
        if (verdict is "failed" or "internal_error")
        {
            activity?.SetStatus(ActivityStatusCode.Error, verdict);
        }
    }

    /// <summary>On the request's span (the root of the run's trace), once the stored row has a verdict.</summary>
    public static void TagRequest(string? verdict, string status)
    {
        if (Activity.Current is { } request)
        {
            request.SetTag("coderoom.verdict", verdict ?? status);
        }
    }
}
