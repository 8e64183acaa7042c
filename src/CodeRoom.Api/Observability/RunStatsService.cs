using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Observability;

/// <summary>Keeps the dashboard's hourly roll-up current (the last two hours are rebuilt every RollupIntervalSeconds) and
/// prunes run logs older than RunLogRetentionDays (every RetentionIntervalMinutes). Both are SQL statements; on
/// several API instances each does the same idempotent work.</summary>
public sealed partial class RunStatsService(IServiceScopeFactory scopes, TimeProvider time, IOptions<ObservabilityOptions> options,
    ILogger<RunStatsService> logger) : BackgroundService
{
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RollupIntervalSeconds), time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
                var now = time.GetUtcNow();
                if (options.Value.RunLogRetentionDays > 0 && now - _lastPrune >= TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes))
                {
                    _lastPrune = now;
                    await PruneAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Rebuilds the roll-up from the start of the previous hour on.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await RunStatsRollup.RefreshAsync(db, time.GetUtcNow().AddHours(-1), cancellationToken);

        // The gauges: the same answer on every instance, embedded or fleet.
        var queued = await db.Submissions.LongCountAsync(s => s.Status == SubmissionStatuses.Queued, cancellationToken);
        var running = await db.Submissions.LongCountAsync(s => s.Status == SubmissionStatuses.Running, cancellationToken);
        ApiTelemetry.SetQueue(queued, running);
        var runners = await AdminStats.RunnersAsync(db, cancellationToken);
        var alive = TimeSpan.FromSeconds(options.Value.RunnerAliveSeconds);
        var now = time.GetUtcNow();
        ApiTelemetry.SetRunners(runners.Count == 0 ? null : runners.Count(r => now - r.LastSeen <= alive));
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var deleted = await AdminStats.PruneRunLogsAsync(db, time.GetUtcNow().AddDays(-options.Value.RunLogRetentionDays), 5000,
            cancellationToken);
        if (deleted > 0)
        {
            LogPruned(deleted, options.Value.RunLogRetentionDays);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run statistics roll-up or retention failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} run logs older than {Days} days")]
    private partial void LogPruned(int count, double days);
}
