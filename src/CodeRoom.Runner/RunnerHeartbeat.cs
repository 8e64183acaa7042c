using CodeRoom.Dispatch;
using CodeRoom.Dispatch.Telemetry;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Runner;

/// <summary>Every few seconds the runner says it is alive in <c>runner_heartbeats</c> (id "host/N", its slots, the jobs
/// it is judging now): the Api's live panel and its coderoom.runners.alive gauge read that table (issue 13).</summary>
internal sealed partial class RunnerHeartbeat(IServiceScopeFactory scopes, TimeProvider time, RunnerIdentity identity,
    IOptions<JudgeQueueOptions> queue, ILogger<RunnerHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public string Id => $"{Environment.MachineName}/{identity.Id}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await BeatAsync(started, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task BeatAsync(DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.RunnerHeartbeats.FirstOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (row is null)
        {
            row = new RunnerHeartbeatEntity { Id = Id };
            db.RunnerHeartbeats.Add(row);
        }
        row.Slots = queue.Value.Workers > 0 ? queue.Value.Workers : identity.Sandbox.Slots;
        row.Busy = RunTelemetry.Busy;
        row.StartedAt = started;
        row.LastSeen = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Runner heartbeat failed; retrying")]
    private partial void LogFailed(Exception exception);
}
