using CodeRoom.Dispatch;
using CodeRoom.Dispatch.InProcess;
using CodeRoom.Dispatch.RabbitMq;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Judging;

/// <summary>
/// Rows outlive the judges. At start and then every <see cref="JudgeQueueOptions.OrphanSweepSeconds"/>, running rows
/// older than <see cref="JudgeQueueOptions.OrphanedRunningSeconds"/> are marked failed with a run log saying why (their
/// judge is gone). With the in-process queue, queued rows older than <see cref="JudgeQueueOptions.OrphanedQueuedSeconds"/>
/// that are not waiting in this process's queue are queued again (their queue died with a previous process; a worker's
/// claim is atomic, so a row queued twice is judged once). With RabbitMQ the broker holds queued jobs durably and
/// redelivers a dead runner's, so queued rows are only failed after <see cref="JudgeQueueOptions.OrphanedQueuedFleetSeconds"/>
/// (they never reached a runner).
/// </summary>
internal sealed partial class OrphanedJobSweeper(
    IServiceScopeFactory scopes,
    ProblemStore problems,
    InProcessJudgeQueue? queue,
    RabbitMqJudgeDispatcher? fleet,
    TimeProvider time,
    IOptions<JudgeQueueOptions> options,
    ILogger<OrphanedJobSweeper> logger) : BackgroundService
{
    private const string LostJudgeMessage = "the judge stopped while judging (the service restarted or crashed)";
    private const string NeverJudgedMessage = "the job never reached a runner (lost between the Api and the broker)";
    private static readonly string[] Running = [SubmissionStatuses.Running];
    private static readonly string[] Queued = [SubmissionStatuses.Queued];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> _republished = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.OrphanSweepSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            // DbException: the database is down (Npgsql's connection errors are not wrapped by EF Core). Uncaught, it
            // would end this BackgroundService and with it the whole Api host (the default StopHost behaviour).
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                LogSweepFailed(e);
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One sweep; returns how many rows were queued again and how many marked failed.</summary>
    internal async Task<(int Requeued, int Failed)> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var requeued = queue is null ? 0 : await RequeueAsync(db, queue, now, cancellationToken);

        var runningBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedRunningSeconds);
        var lost = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatuses.Running && s.StartedAt != null && s.StartedAt < runningBefore)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        // Only if still in that state now (a slow judge may have finished meanwhile).
        var failed = await FailAllAsync(db, lost, LostJudgeMessage, Running, now, cancellationToken);
        if (fleet is not null)
        {
            requeued += await RepublishLostAsync(db, fleet, now, cancellationToken);
        }
        if (queue is null)
        {
            var queuedBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedQueuedFleetSeconds);
            var neverJudged = await db.Submissions.AsNoTracking()
                .Where(s => s.Status == SubmissionStatuses.Queued && s.CreatedAt < queuedBefore)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            failed += await FailAllAsync(db, neverJudged, NeverJudgedMessage, Queued, now, cancellationToken);
        }
        if (requeued > 0 || failed > 0)
        {
            LogSwept(requeued, failed);
        }
        return (requeued, failed);
    }

    private static async Task<int> FailAllAsync(AppDbContext db, List<Guid> ids, string message, string[] onlyIf, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var id in ids)
        {
            if (await JudgeJobProcessor.MarkFailedAsync(db, id, message, now, onlyIf, cancellationToken))
            {
                failed++;
            }
        }
        return failed;
    }

    /// <summary>Fleet: queued rows older than OrphanedQueuedFleetRepublishSeconds are published again, but only while no
    /// job waits ready on the broker. Then their jobs are not in the queue (lost with it, or never published); with jobs
    /// waiting they may simply be in line, and publishing them again would only add duplicates to a backlog. The job is
    /// published with the problem's current revision (the one it was created with is not kept apart from the message).</summary>
    private async Task<int> RepublishLostAsync(AppDbContext db, RabbitMqJudgeDispatcher dispatcher, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var queuedBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedQueuedFleetRepublishSeconds);
        // Older ones are past saving: the step below fails them.
        var givenUpBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedQueuedFleetSeconds);
        var stale = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatuses.Queued && s.CreatedAt < queuedBefore && s.CreatedAt >= givenUpBefore)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.ProblemId })
            .Take(options.Value.Capacity)
            .ToListAsync(cancellationToken);
        if (stale.Count == 0 || await dispatcher.ReadyJobsAsync(cancellationToken) is not 0)
        {
            return 0;
        }
        var republished = 0;
        var again = TimeSpan.FromSeconds(options.Value.OrphanedQueuedFleetRepublishSeconds);
        foreach (var (id, at) in _republished)
        {
            if (now - at > again)
            {
                _republished.TryRemove(id, out _);
            }
        }
        foreach (var row in stale)
        {
            // A job published again is ready on the broker only until a runner takes it (then "nothing waits ready"
            // again): once per period each, or a slow judge would collect a duplicate every sweep.
            if (_republished.ContainsKey(row.Id))
            {
                continue;
            }
            _republished[row.Id] = now;
            if (await problems.GetSnapshotAsync(db, row.ProblemId, cancellationToken) is not { } problem
                || await dispatcher.PublishAsync(new JudgeJob(row.Id, problem), cancellationToken) != DispatchOutcome.Accepted)
            {
                continue;
            }
            republished++;
        }
        return republished;
    }

    private async Task<int> RequeueAsync(AppDbContext db, InProcessJudgeQueue inProcess, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queuedBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedQueuedSeconds);
        var stale = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatuses.Queued && s.CreatedAt < queuedBefore)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.ProblemId })
            .Take(options.Value.Capacity)
            .ToListAsync(cancellationToken);
        var requeued = 0;
        foreach (var row in stale)
        {
            if (inProcess.IsWaiting(row.Id))
            {
                continue; // only waiting its turn: queuing it again would just fill the queue with duplicates
            }
            var problem = await problems.GetSnapshotAsync(db, row.ProblemId, cancellationToken);
            if (problem is null)
            {
                continue;
            }
            if (!inProcess.TryRequeue(new JudgeJob(row.Id, problem)))
            {
                break; // full: the next sweep takes the rest
            }
            requeued++;
        }
        return requeued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orphaned judge jobs: {Requeued} queued again, {Failed} marked failed (their judge is gone)")]
    private partial void LogSwept(int requeued, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for orphaned judge jobs failed; trying again later")]
    private partial void LogSweepFailed(Exception exception);
}
