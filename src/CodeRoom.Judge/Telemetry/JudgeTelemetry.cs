using System.Diagnostics;
using System.Diagnostics.Metrics;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Telemetry;

/// <summary>The judge engine's traces and metrics on the BCL only (ActivitySource, Meter); the hosts add them to
/// OpenTelemetry by <see cref="Name"/>. Names and units follow the OpenTelemetry conventions (durations in seconds).
/// Tags never carry candidate code, inputs or outputs.</summary>
public static class JudgeTelemetry
{
    public const string Name = "CodeRoom.Judge";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> JudgeDuration = Meter.CreateHistogram<double>("coderoom.judge.duration", "s",
        "Wall time of one judge run, compile included, by language, mode and verdict");

    public static readonly Histogram<double> CompileDuration = Meter.CreateHistogram<double>("coderoom.judge.compile.duration", "s",
        "Wall time of a compile that was not served from the compile cache");

    /// <summary>Compile-cache lookups by <c>coderoom.cache.result</c> (hit or miss).</summary>
    public static readonly Counter<long> CompileCacheRequests = Meter.CreateCounter<long>("coderoom.judge.compile_cache.requests",
        "{request}", "Compile-cache lookups");

    /// <summary>Warm-sandbox requests by <c>coderoom.cache.result</c> (hit or miss) and language.</summary>
    public static readonly Counter<long> WarmPoolRequests = Meter.CreateCounter<long>("coderoom.judge.warm_pool.requests",
        "{request}", "Requests for a warm sandbox");

    /// <summary>Warm sandboxes that ended before the candidate's code could run in them (the run went on cold).</summary>
    public static readonly Counter<long> WarmPoolFailures = Meter.CreateCounter<long>("coderoom.judge.warm_pool.failures",
        "{sandbox}", "Warm sandboxes that failed before the code could run; their runs started again cold");

    /// <summary>Compiled runs whose sandbox was built during the compile (hit) or had to start after it (miss: no
    /// standby slot was free).</summary>
    public static readonly Counter<long> PrestartRequests = Meter.CreateCounter<long>("coderoom.judge.prestart.requests",
        "{request}", "Compiled runs asking for a run sandbox built during their compile");

    /// <summary>Cold compiles (C++, Go, Rust, TypeScript) that found their sandbox built and waiting (hit) or started one
    /// (miss: the first of a language, or one right after another of the same language).</summary>
    public static readonly Counter<long> CompileSandboxRequests = Meter.CreateCounter<long>("coderoom.judge.compile_sandbox.requests",
        "{request}", "Cold compiles asking for a compile sandbox built ahead of time");

    /// <summary>Compile outputs stored in the compile cache: linked in place, copied, or refused (over the limits).</summary>
    public static readonly Counter<long> CompileCacheStores = Meter.CreateCounter<long>("coderoom.judge.compile_cache.stores",
        "{store}", "Compile outputs stored in the compile cache, by how: link (in place), copy, refused");

    public static KeyValuePair<string, object?> Language(LanguageId language) => new("coderoom.language", language.WireName());

    public static KeyValuePair<string, object?> CacheResult(bool hit) => new("coderoom.cache.result", hit ? "hit" : "miss");

    public static string Mode(JudgeMode mode) => mode == JudgeMode.Run ? "run" : "submit";

    internal static Activity? StartJudge(JudgeRequest request)
    {
        var activity = Source.StartActivity("coderoom.judge");
        activity?.SetTag("coderoom.language", request.Language.WireName());
        activity?.SetTag("coderoom.mode", Mode(request.Mode));
        activity?.SetTag("coderoom.problem", request.Problem.Slug);
        return activity;
    }

    internal static void Judged(Activity? activity, JudgeRequest request, JudgeResult result)
    {
        var verdict = CandidateView.Verdict(result.Verdict);
        JudgeDuration.Record(result.WallMs / 1000, Language(request.Language), new("coderoom.mode", Mode(request.Mode)),
            new("coderoom.verdict", verdict));
        if (activity is not null)
        {
            activity.SetTag("coderoom.verdict", verdict);
            activity.SetTag("coderoom.tests.passed", result.Passed);
            activity.SetTag("coderoom.tests.total", result.Total);
            if (result.Verdict == Verdict.InternalError)
            {
                activity.SetStatus(ActivityStatusCode.Error, "internal error");
            }
        }
    }
}
