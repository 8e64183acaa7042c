using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Dispatch.Telemetry;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Dispatch;

public enum JobOutcome
{
    /// <summary>Judged and stored (a verdict, compile error included).</summary>
    Judged,

    /// <summary>Our own machinery failed; the submission is marked failed.</summary>
    Failed,

    /// <summary>Not ours to judge: the result is already stored (a redelivery), or the row is gone.</summary>
    AlreadyDone,

    /// <summary>Another judge claimed the job meanwhile (a redelivery after a broker restart while this one still ran):
    /// its result stands, ours is dropped.</summary>
    Superseded,

    /// <summary>Stopped while judging, with the job left for the transport to redeliver.</summary>
    Abandoned,

    /// <summary>The job could not even be claimed (an error that is not a transient database failure): the transport
    /// should hand it back (counting towards its delivery limit) rather than drop it.</summary>
    Retry,

    /// <summary>The database went away (a transient failure) before the job's result was stored: the transport should
    /// keep the job and try again later, as a redelivery. Whether our claim was taken is unknown (a claim whose answer
    /// was lost may have committed), so the next try must be allowed to take over a "running" row; a result already
    /// stored is then found and not stored again.</summary>
    DatabaseDown,
}

/// <summary>
/// Claims, judges and stores one job, whichever transport delivered it. PostgreSQL (or SQLite) is the system of record,
/// so completion is idempotent: the claim moves queued -> running and stamps StartedAt, which is the claim's token; the
/// result is committed (status and run log in one transaction) only while that claim still holds. A redelivered job whose
/// result is stored is skipped, so there is one result row and one run log per submission whatever the broker does.
/// Verdicts are data; a failure of our own machinery marks the submission failed, is logged once, and never leaks.
/// </summary>
public sealed partial class JudgeJobProcessor(
    IServiceScopeFactory scopes,
    ICodeJudge judge,
    IJudgeCompletionNotifier notifier,
    TimeProvider time,
    ILogger<JudgeJobProcessor> logger)
{
    public static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string[] NotFinal = [SubmissionStatuses.Queued, SubmissionStatuses.Running];

    /// <param name="redelivered">The transport delivered this job before (its judge died): a row still "running" may be
    /// claimed again.</param>
    /// <param name="failOnShutdown">In-process: nobody else will judge the job, so stopping marks it failed. With a
    /// broker the job is left unacknowledged and another runner gets it.</param>
    public async Task<JobOutcome> ProcessAsync(Guid submissionId, Problem problem, bool redelivered, bool failOnShutdown,
        CancellationToken stoppingToken)
    {
        RunTelemetry.JobStarted();
        try
        {
            return await ProcessCoreAsync(submissionId, problem, redelivered, failOnShutdown, stoppingToken);
        }
        finally
        {
            RunTelemetry.JobEnded();
        }
    }

    private async Task<JobOutcome> ProcessCoreAsync(Guid submissionId, Problem problem, bool redelivered, bool failOnShutdown,
        CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = submissionId });
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The job's span (started by the transport); the run's metrics and verdict go on it.
        var activity = Activity.Current is { OperationName: "coderoom.judge.job" } job ? job : null;
        activity?.SetTag("coderoom.submission_id", submissionId.ToString());
        var mode = "unknown";
        DateTimeOffset? claim = null;
        var t0 = time.GetTimestamp();
        try
        {
            var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, stoppingToken);
            var t1 = time.GetTimestamp();
            if (submission is null || !Claimable(submission.Status, redelivered))
            {
                await NotifyAsync(submissionId);
                return JobOutcome.AlreadyDone;
            }
            mode = submission.Mode;
            LanguageIds.TryParse(submission.Language, out var language);

            // The judge starts at once and the claim's commit (a database write: a WAL flush on PostgreSQL) goes on
            // beside it, off the run's critical path. Nothing is stored unless the claim holds; when another judge
            // claimed the job between the read and the claim (a redelivery racing its first delivery), ours stops.
            using var judging = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var claimTask = ClaimAsync(db, submissionId, redelivered, stoppingToken);
            var judgeTask = JudgeAsync(submission, problem, language, judging.Token);
            try
            {
                claim = await claimTask;
            }
            finally
            {
                if (claim is null)
                {
                    await judging.CancelAsync();
                    await Observed(judgeTask);
                }
            }
            var t2 = time.GetTimestamp();
            if (claim is null)
            {
                await NotifyAsync(submissionId);
                return JobOutcome.AlreadyDone;
            }
            RunTelemetry.Claimed(activity, submission.Mode, submission.Language, submission.CreatedAt, claim.Value);

            var outcome = await judgeTask;
            var t3 = time.GetTimestamp();
            if (!await StoreAsync(db, submission, claim.Value, outcome, stoppingToken))
            {
                LogSuperseded();
                return JobOutcome.Superseded;
            }
            LogJudged(submission.Mode, problem.Slug, outcome.Result.Verdict, outcome.Result.Passed, outcome.Result.Total);
            RunTelemetry.Finished(activity, submission.Mode, CandidateView.Verdict(outcome.Result.Verdict));
            var t4 = time.GetTimestamp();
            await NotifyAsync(submissionId);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogTiming(Ms(t0, t1), Ms(t1, t2), Ms(t2, t3), Ms(t3, t4), time.GetElapsedTime(t4).TotalMilliseconds);
            }
            return JobOutcome.Judged;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (!failOnShutdown || claim is null)
            {
                return JobOutcome.Abandoned;
            }
            await FailClaimAsync(db, submissionId, claim.Value, "the service stopped while judging");
            RunTelemetry.Finished(activity, mode, "failed");
            return JobOutcome.Failed;
        }
        catch (Exception ex) when (!failOnShutdown && IsTransientDatabaseFailure(ex))
        {
            // The database is down (before the claim, or mid-job so the result could not be stored). With a broker the
            // job stays unacknowledged with its transport, which tries again once the database is back, instead of it
            // being acknowledged with its row stuck "queued" or "running".
            LogJobFailed(ex);
            return JobOutcome.DatabaseDown;
        }
        catch (Exception ex)
        {
            // Infrastructure failure (sandbox, database): the one place it is logged; the candidate sees "failed".
            LogJobFailed(ex);
            if (claim is not null)
            {
                await FailClaimAsync(db, submissionId, claim.Value, ex.GetType().Name + ": " + ex.Message);
            }
            else if (!failOnShutdown)
            {
                // Not even claimed (the database is unreachable): with a broker the job goes back to the queue, where it
                // is safe, instead of being acknowledged and lost with its row stuck in "queued".
                return JobOutcome.Retry;
            }
            else
            {
                await FailAsync(db, submissionId, ex.GetType().Name + ": " + ex.Message);
            }
            RunTelemetry.Finished(activity, mode, "failed");
            return JobOutcome.Failed;
        }
    }

    private static bool IsTransientDatabaseFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    private double Ms(long from, long to) => time.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>The claim's own condition, checked on the row read before it: a job that is not claimable is not judged.</summary>
    private static bool Claimable(string status, bool redelivered) =>
        status == SubmissionStatuses.Queued || (redelivered && status == SubmissionStatuses.Running);

    /// <summary>Waits for a judge that was stopped because the claim did not hold; its end, whatever it is, is dropped.</summary>
    private static async Task Observed(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Cancelled (or failed) on the way out: the job is not ours, so nothing of it is kept.
        }
    }

    private async Task<DateTimeOffset?> ClaimAsync(AppDbContext db, Guid submissionId, bool redelivered, CancellationToken cancellationToken)
    {
        // PostgreSQL keeps microseconds: the token must survive the round trip to compare equal.
        var now = time.GetUtcNow();
        var token = new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
        var claimed = await db.Submissions
            .Where(s => s.Id == submissionId
                && (s.Status == SubmissionStatuses.Queued || (redelivered && s.Status == SubmissionStatuses.Running)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubmissionStatuses.Running)
                .SetProperty(s => s.StartedAt, token), cancellationToken);
        return claimed == 0 ? null : token;
    }

    private async ValueTask NotifyAsync(Guid submissionId)
    {
        try
        {
            await notifier.JudgeFinishedAsync(submissionId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Waiting requests then time out and answer 202; polling still gets the stored result.
            LogNotifyFailed(e);
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

    public static List<TestCase> ParseCustomInputs(string json, Signature signature)
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

    /// <summary>Commits the result while our claim holds; false when another judge claimed the job meanwhile.</summary>
    private async Task<bool> StoreAsync(AppDbContext db, SubmissionEntity submission, DateTimeOffset claim, Outcome outcome,
        CancellationToken cancellationToken)
    {
        var result = outcome.Result;
        var isRun = submission.Mode == SubmissionModes.Run;
        var custom = outcome.CustomTests is not null;
        var mode = isRun ? JudgeMode.Run : JudgeMode.Submit;
        var summary = CandidateView.Summary(result, mode);
        var results = CandidateView.Results(result, mode, custom, outcome.ExpectedNotes);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Submissions
            .Where(s => s.Id == submission.Id && s.Status == SubmissionStatuses.Running && s.StartedAt == claim)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SubmissionStatuses.Finished)
                .SetProperty(s => s.Verdict, CandidateView.Verdict(result.Verdict))
                .SetProperty(s => s.FinishedAt, now)
                .SetProperty(s => s.SummaryJson, JsonSerializer.Serialize(summary, WireJson))
                .SetProperty(s => s.ResultsJson, results == null ? null : JsonSerializer.Serialize(results, WireJson)),
                cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        db.RunLogs.Add(new RunLogEntity
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
                verdict = CandidateView.Verdict(t.Verdict),
                runtime_ms = t.RuntimeMs,
                cpu_ms = t.CpuMs,
                memory_kb = t.MemoryKb,
                error = t.Error,
                error_line = t.ErrorLine,
            })),
            InternalMessage = result.InternalMessage,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private Task FailClaimAsync(AppDbContext db, Guid submissionId, DateTimeOffset claim, string message) =>
        FailCoreAsync(db, submissionId, message, claim);

    private Task FailAsync(AppDbContext db, Guid submissionId, string message) => FailCoreAsync(db, submissionId, message, null);

    private async Task FailCoreAsync(AppDbContext db, Guid submissionId, string message, DateTimeOffset? claim)
    {
        // Own short budget: this runs on the failure path, possibly during shutdown.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            db.ChangeTracker.Clear();
            var marked = claim is { } token
                ? await MarkFailedAsync(db, submissionId, message, time.GetUtcNow(), [SubmissionStatuses.Running], cts.Token, token)
                : await MarkFailedAsync(db, submissionId, message, time.GetUtcNow(), NotFinal, cts.Token);
            if (marked)
            {
                await NotifyAsync(submissionId);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            LogMarkFailedFailed(ex);
        }
    }

    /// <summary>Marks a job failed (when <paramref name="onlyIfStatuses"/> is set, only if it is in one of them; with
    /// <paramref name="claim"/>, only while that claim holds) and leaves a run log saying why, unless it has one.
    /// False when the job was not in that state.</summary>
    public static async Task<bool> MarkFailedAsync(AppDbContext db, Guid submissionId, string message, DateTimeOffset now,
        string[]? onlyIfStatuses, CancellationToken cancellationToken, DateTimeOffset? claim = null)
    {
        var marked = await db.Submissions
            .Where(s => s.Id == submissionId && (onlyIfStatuses == null || onlyIfStatuses.Contains(s.Status))
                && (claim == null || s.StartedAt == claim))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Judged {Mode} of {Problem}: {Verdict} ({Passed}/{Total})")]
    private partial void LogJudged(string mode, string problem, Verdict verdict, int passed, int total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timing: read {ReadMs:0.00} ms, claim beside the judge {ClaimMs:0.00} ms, judge after the claim {JudgeMs:0.00} ms, store {StoreMs:0.00} ms, notify {NotifyMs:0.00} ms")]
    private partial void LogTiming(double readMs, double claimMs, double judgeMs, double storeMs, double notifyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another judge claimed this job meanwhile; its result stands, ours is dropped")]
    private partial void LogSuperseded();

    [LoggerMessage(Level = LogLevel.Error, Message = "Judge job failed")]
    private partial void LogJobFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark the submission failed")]
    private partial void LogMarkFailedFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce the finished job; waiting requests fall back to polling")]
    private partial void LogNotifyFailed(Exception exception);
}
