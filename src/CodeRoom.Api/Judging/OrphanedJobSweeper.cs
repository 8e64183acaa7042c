using CodeRoom.Api.Infrastructure;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Judging;

/// <summary>
/// The queue lives in a process; the submission rows outlive it. After a crash or a restart, rows stay "queued" (their
/// queue is gone) or "running" (their judge is gone) and a polling client would wait forever. At start and then every
/// <see cref="JudgeQueueOptions.OrphanSweepSeconds"/>, queued rows older than <see cref="JudgeQueueOptions.OrphanedQueuedSeconds"/>
/// are queued again (a worker's claim is atomic, so a row queued by two instances is judged once), and running rows
/// older than <see cref="JudgeQueueOptions.OrphanedRunningSeconds"/> are marked failed with a run log saying why.
/// </summary>
internal sealed partial class OrphanedJobSweeper(
    IServiceScopeFactory scopes,
    JudgeQueue queue,
    TimeProvider time,
    IOptions<JudgeQueueOptions> options,
    ILogger<OrphanedJobSweeper> logger) : BackgroundService
{
    private const string LostJudgeMessage = "the judge stopped while judging (the service restarted or crashed)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.OrphanSweepSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
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
        var queuedBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedQueuedSeconds);
        var runningBefore = now - TimeSpan.FromSeconds(options.Value.OrphanedRunningSeconds);

        var stale = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatuses.Queued && s.CreatedAt < queuedBefore)
            .OrderBy(s => s.CreatedAt)
            .Select(s => s.Id)
            .Take(options.Value.Capacity)
            .ToListAsync(cancellationToken);
        var requeued = 0;
        foreach (var id in stale)
        {
            if (!queue.TryRequeue(id))
            {
                break; // full: the next sweep takes the rest
            }
            requeued++;
        }

        var lost = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatuses.Running && s.StartedAt != null && s.StartedAt < runningBefore)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var failed = 0;
        foreach (var id in lost)
        {
            // Only if it is still running now (a slow judge may have finished meanwhile).
            if (!await JudgeWorker.MarkFailedAsync(db, id, LostJudgeMessage, now, SubmissionStatuses.Running, cancellationToken))
            {
                continue;
            }
            failed++;
        }
        if (requeued > 0 || failed > 0)
        {
            LogSwept(requeued, failed);
        }
        return (requeued, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orphaned judge jobs: {Requeued} queued again, {Failed} marked failed (their judge is gone)")]
    private partial void LogSwept(int requeued, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for orphaned judge jobs failed; trying again later")]
    private partial void LogSweepFailed(Exception exception);
}
