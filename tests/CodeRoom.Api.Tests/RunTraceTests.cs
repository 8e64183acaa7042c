using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CodeRoom.Api.Tests;

/// <summary>The real judge with an in-memory span exporter and a log capture.</summary>
public sealed class TracingApiFactory : RealJudgeApiFactory
{
    public List<Activity> Spans { get; } = [];
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans)));
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    public Activity[] Snapshot()
    {
        lock (Spans)
        {
            return [.. Spans];
        }
    }
}

/// <summary>Every log line with the scopes it was written in (the trace id comes from ActivityTrackingOptions).</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<(string Category, string Message, Dictionary<string, string> Scope)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string>();
            owner._scopes?.ForEachScope((s, d) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (k, v) in pairs)
                    {
                        d[k] = v?.ToString() ?? "";
                    }
                }
            }, scope);
            owner.Lines.Enqueue((category, formatter(state, exception), scope));
        }
    }
}

/// <summary>One trace per run: HTTP request (root, with the verdict) -> judge job -> judge -> compile and each sandboxed
/// process; and the run's log lines carry its id and trace id, never its code.</summary>
public sealed class RunTraceTests(TracingApiFactory factory) : IClassFixture<TracingApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task A_run_is_one_trace_from_the_request_to_each_sandboxed_process()
    {
        var client = factory.ClientFor("trace-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        const string marker = "candidate_marker_7731";
        var run = await (await client.RunAsync(attempt, $"class Solution:\n    def add_two(self, a, b):\n        {marker} = 1\n        return a + b\n")).Json200();
        Assert.Equal("accepted", run["summary"]!["status"]!.GetValue<string>());
        var runId = run["run_id"]!.GetValue<string>();

        var trace = await TraceOfAsync(runId, "POST");
        var root = trace.Single(a => a.ParentSpanId == default);
        Assert.Equal(ActivityKind.Server, root.Kind);
        Assert.Equal("accepted", root.GetTagItem("coderoom.verdict"));
        var job = trace.Single(a => a.OperationName == "coderoom.judge.job");
        Assert.Equal(root.SpanId, job.ParentSpanId);
        Assert.Equal("accepted", job.GetTagItem("coderoom.verdict"));
        Assert.Equal("run", job.GetTagItem("coderoom.mode"));
        var judge = trace.Single(a => a.OperationName == "coderoom.judge");
        Assert.Equal(job.SpanId, judge.ParentSpanId);
        Assert.Equal("python", judge.GetTagItem("coderoom.language"));
        var processes = trace.Where(a => a.OperationName == "coderoom.sandbox.process").ToList();
        Assert.NotEmpty(processes);
        Assert.All(processes, p => Assert.Contains(judge.SpanId, Ancestors(p, trace)));
        Assert.All(processes, p => Assert.NotNull(p.GetTagItem("coderoom.sandbox.termination")));

        // The run's log lines: its id and trace id in scope; the code never.
        var lines = factory.Logs.Lines.Where(l => l.Scope.GetValueOrDefault("SubmissionId") == runId).ToList();
        Assert.Contains(lines, l => l.Category.EndsWith("JudgeEngine", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(root.TraceId.ToString(), l.Scope.GetValueOrDefault("TraceId")));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Message.Contains(marker, StringComparison.Ordinal));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_compiled_submit_has_a_compile_span_under_the_judge()
    {
        var client = factory.ClientFor("trace-cpp-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var submit = await (await client.PostAsJsonAsync("/api/coding/submit", new
        {
            attempt_id = attempt,
            problem_id = "add-two",
            language = "cpp",
            code = "class Solution {\npublic:\n    long long addTwo(long long a, long long b) { return a + b; }\n};\n",
        }, Ct)).Json200();
        Assert.Equal("accepted", submit["summary"]!["status"]!.GetValue<string>());
        var trace = await TraceOfAsync(submit["submission_id"]!.GetValue<string>(), "POST");
        var judge = trace.Single(a => a.OperationName == "coderoom.judge");
        var compile = trace.Single(a => a.OperationName == "coderoom.compile");
        Assert.Equal(judge.SpanId, compile.ParentSpanId);
        Assert.Equal(true, compile.GetTagItem("coderoom.compile.ok"));
        Assert.Equal("submit", judge.GetTagItem("coderoom.mode"));
        Assert.Equal("accepted", trace.Single(a => a.ParentSpanId == default).GetTagItem("coderoom.verdict"));
        Assert.Contains(trace, a => a.OperationName == "coderoom.sandbox.process");
    }

    private static List<ActivitySpanId> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var ids = new List<ActivitySpanId>();
        for (var parent = span.ParentSpanId; parent != default; parent = trace.FirstOrDefault(a => a.SpanId == parent)?.ParentSpanId ?? default)
        {
            ids.Add(parent);
        }
        return ids;
    }

    /// <summary>The spans of the trace whose job span is this submission's, once its root (the request) has ended.</summary>
    private async Task<List<Activity>> TraceOfAsync(string submissionId, string method)
    {
        for (var i = 0; i < 100; i++)
        {
            var spans = factory.Snapshot();
            var job = spans.FirstOrDefault(a => a.OperationName == "coderoom.judge.job" && (string?)a.GetTagItem("coderoom.submission_id") == submissionId);
            if (job is not null)
            {
                var trace = spans.Where(a => a.TraceId == job.TraceId).ToList();
                if (trace.Any(a => a.ParentSpanId == default && a.DisplayName.StartsWith(method, StringComparison.Ordinal)))
                {
                    return trace;
                }
            }
            await Task.Delay(100, Ct);
        }
        throw new Xunit.Sdk.XunitException("no complete trace for " + submissionId);
    }
}
