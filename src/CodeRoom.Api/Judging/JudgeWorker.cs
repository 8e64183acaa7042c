using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Problems;
using CodeRoom.Api.Runs;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Judging;

/// <summary>Consumes <see cref="JudgeQueue"/> with N concurrent workers (default: one per sandbox slot). Verdicts are
/// stored as data; a failure of our own machinery marks the submission failed, is logged once, and never leaks.</summary>
public sealed partial class JudgeWorker(
    JudgeQueue queue,
    IServiceScopeFactory scopes,
    ICodeJudge judge,
    ProblemStore problems,
    TimeProvider time,
    IOptions<JudgeQueueOptions> queueOptions,
    IOptions<SandboxOptions> sandboxOptions,
    ILogger<JudgeWorker> logger) : BackgroundService
{
    internal static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public int WorkerCount => queueOptions.Value.Workers > 0 ? queueOptions.Value.Workers : sandboxOptions.Value.Slots;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(WorkerCount);
        return Task.WhenAll(Enumerable.Range(0, WorkerCount).Select(_ => ConsumeAsync(stoppingToken)));
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Shutdown();
        return base.StopAsync(cancellationToken);
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ProcessAsync(job.SubmissionId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: jobs still queued stay "queued" in the database.
        }
    }

    internal async Task ProcessAsync(Guid submissionId, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        using var activity = Observability.RunTracing.StartJob(submissionId);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = submissionId });
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mode = "unknown";
        try
        {
            var claimedAt = time.GetUtcNow();
            var claimed = await db.Submissions
                .Where(s => s.Id == submissionId && s.Status == SubmissionStatuses.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubmissionStatuses.Running)
                    .SetProperty(s => s.StartedAt, claimedAt), stoppingToken);
            if (claimed == 0)
            {
                return;
            }
            var submission = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId, stoppingToken);
            mode = submission.Mode;
            Observability.RunTracing.Claimed(activity, submission.Mode, submission.Language, submission.CreatedAt, claimedAt);
            var problem = await problems.GetAsync(db, submission.ProblemId, stoppingToken)
                ?? throw new InvalidOperationException("the submission's problem is gone");
            LanguageIds.TryParse(submission.Language, out var language);

            var outcome = await JudgeAsync(submission, problem, language, stoppingToken);
            await StoreAsync(db, submission, outcome, stoppingToken);
            Observability.RunTracing.Finished(activity, submission.Mode, Wire.Verdict(outcome.Result.Verdict));
            LogJudged(submission.Mode, problem.Slug, outcome.Result.Verdict, outcome.Result.Passed, outcome.Result.Total);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await MarkFailedAsync(db, submissionId, "the service stopped while judging");
            Observability.RunTracing.Finished(activity, mode, "failed");
        }
        catch (Exception ex)
        {
            // Infrastructure failure (sandbox, database): the one place it is logged; the candidate sees "failed".
            LogJobFailed(ex);
            await MarkFailedAsync(db, submissionId, ex.GetType().Name + ": " + ex.Message);
            Observability.RunTracing.Finished(activity, mode, "failed");
        }
        finally
        {
            queue.Completed(submissionId);
        }
    }

    private sealed record Outcome(JudgeResult Result, IReadOnlyList<TestCase>? CustomTests, IReadOnlyDictionary<int, string> ExpectedNotes);

    private async Task<Outcome> JudgeAsync(SubmissionEntity submission, Problem problem, LanguageId language,
        CancellationToken cancellationToken)
    {
        if (submission.Mode == SubmissionModes.Submit)
        {
            return new Outcome(await judge.JudgeAsync(problem, language, submission.CodeText, JudgeMode.Submit, null, cancellationToken),
                null, new Dictionary<int, string>());
        }
        if (submission.CustomInputsJson is null)
        {
            var publicTests = problem.PublicTests.ToList();
            return new Outcome(await judge.JudgeAsync(problem, language, submission.CodeText, JudgeMode.Run, publicTests, cancellationToken),
                null, new Dictionary<int, string>());
        }

        var custom = ParseCustomInputs(submission.CustomInputsJson, problem.Signature);
        var notes = new Dictionary<int, string>();
        var withExpected = custom;
        var reference = problem.ReferenceSolutions.TryGetValue(language, out var same)
            ? (language, same)
            : problem.ReferenceSolutions.Select(kv => (kv.Key, kv.Value)).FirstOrDefault();
        if (reference.Item2 is { Length: > 0 } referenceCode)
        {
            // Expected values for the candidate's own inputs come from running the reference solution on them.
            var refResult = await judge.JudgeAsync(problem, reference.Item1, referenceCode, JudgeMode.Run, custom, cancellationToken);
            withExpected = custom.Select(t =>
            {
                var r = refResult.Tests.FirstOrDefault(x => x.Index == t.Index);
                if (r is null || r.Verdict is not (Verdict.Accepted or Verdict.WrongAnswer) || r.Error is not null)
                {
                    notes[t.Index] = "the reference solution could not run this input (it may break the constraints)";
                    return t;
                }
                return t with { Expected = r.Actual?.DeepClone() };
            }).ToList();
        }
        else
        {
            foreach (var t in custom)
            {
                notes[t.Index] = "this problem has no reference solution: output only";
            }
        }
        var result = await judge.JudgeAsync(problem, language, submission.CodeText, JudgeMode.Run, withExpected, cancellationToken);
        return new Outcome(result, withExpected, notes);
    }

    internal static List<TestCase> ParseCustomInputs(string json, Signature signature)
    {
        var inputs = JsonNode.Parse(json)!.AsArray();
        var tests = new List<TestCase>();
        var errors = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var definition = new TestDefinition { Visibility = "public", Input = inputs[i]!.AsObject().DeepClone().AsObject() };
            var test = ProblemValidator.ValidateTest(definition, i, signature, errors, requireExpected: false)
                ?? throw new InvalidOperationException("a stored custom input no longer validates: " + string.Join("; ", errors));
            tests.Add(test with { Expected = null });
        }
        return tests;
    }

    private async Task StoreAsync(AppDbContext db, SubmissionEntity submission, Outcome outcome, CancellationToken cancellationToken)
    {
        var result = outcome.Result;
        var isRun = submission.Mode == SubmissionModes.Run;
        var custom = outcome.CustomTests is not null;
        var mode = isRun ? JudgeMode.Run : JudgeMode.Submit;
        var summary = CandidateView.Summary(result, mode);
        var results = CandidateView.Results(result, mode, custom, outcome.ExpectedNotes);
        var now = time.GetUtcNow();
        var log = new RunLogEntity
        {
            SubmissionId = submission.Id,
            CompileOk = result.Compile?.Ok,
            CompileOutput = result.Compile?.Output,
            CompileMs = result.Compile?.TimeMs,
            RuntimeErrors = result.Tests.Count(t => t.Verdict == Verdict.RuntimeError),
            Timeouts = result.Tests.Count(t => t.Verdict == Verdict.TimeLimitExceeded),
            PeakMemoryKb = result.PeakMemoryKb,
            CpuMs = result.CpuMs,
            WallMs = result.WallMs,
            TestsJson = JsonSerializer.Serialize(result.Tests.Select(t => new
            {
                index = t.Index,
                visibility = t.Visibility == TestVisibility.Public ? "public" : "hidden",
                verdict = Wire.Verdict(t.Verdict),
                runtime_ms = t.RuntimeMs,
                cpu_ms = t.CpuMs,
                memory_kb = t.MemoryKb,
                error = t.Error,
                error_line = t.ErrorLine,
            })),
            InternalMessage = result.InternalMessage,
            CreatedAt = now,
        };
        db.RunLogs.Add(log);
        await db.SaveChangesAsync(cancellationToken);
        await db.Submissions.Where(s => s.Id == submission.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Status, SubmissionStatuses.Finished)
            .SetProperty(s => s.Verdict, Wire.Verdict(result.Verdict))
            .SetProperty(s => s.FinishedAt, now)
            .SetProperty(s => s.SummaryJson, JsonSerializer.Serialize(summary, WireJson))
            .SetProperty(s => s.ResultsJson, results == null ? null : JsonSerializer.Serialize(results, WireJson)),
            cancellationToken);
    }

    private async Task MarkFailedAsync(AppDbContext db, Guid submissionId, string message)
    {
        // Own short budget: this runs on the failure path, possibly during shutdown.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            db.ChangeTracker.Clear();
            await MarkFailedAsync(db, submissionId, message, time.GetUtcNow(), onlyIfStatus: null, cts.Token);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException or InvalidOperationException)
        {
            LogMarkFailedFailed(ex);
        }
    }

    /// <summary>Marks a job failed (when <paramref name="onlyIfStatus"/> is set, only if it is still in that state) and
    /// leaves a run log saying why, unless it has one. False when the job was not in that state.</summary>
    internal static async Task<bool> MarkFailedAsync(AppDbContext db, Guid submissionId, string message, DateTimeOffset now,
        string? onlyIfStatus, CancellationToken cancellationToken)
    {
        var marked = await db.Submissions.Where(s => s.Id == submissionId && (onlyIfStatus == null || s.Status == onlyIfStatus))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubmissionStatuses.Failed).SetProperty(s => s.FinishedAt, now),
                cancellationToken);
        if (marked == 0)
        {
            return false;
        }
        if (!await db.RunLogs.AnyAsync(l => l.SubmissionId == submissionId, cancellationToken))
        {
            db.RunLogs.Add(new RunLogEntity { SubmissionId = submissionId, InternalMessage = message, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judge queue started with {Workers} workers")]
    private partial void LogStarted(int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Judged {Mode} of {Problem}: {Verdict} ({Passed}/{Total})")]
    private partial void LogJudged(string mode, string problem, Verdict verdict, int passed, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Judge job failed")]
    private partial void LogJobFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark the submission failed")]
    private partial void LogMarkFailedFailed(Exception exception);
}

internal static class Wire
{
    public static string Verdict(Verdict verdict) => CandidateView.Verdict(verdict);
}
