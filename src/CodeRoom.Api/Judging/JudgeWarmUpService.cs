using CodeRoom.Dispatch;
using CodeRoom.Judge;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Judging;

/// <summary>Runs <see cref="JudgeWarmUp"/> once the service has started (Judge:WarmUpAtStart), off the start-up path:
/// requests are served meanwhile.</summary>
internal sealed partial class JudgeWarmUpService(IServiceProvider services, IOptions<JudgeOptions> options, IHostApplicationLifetime lifetime,
    ILogger<JudgeWarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only with the real judge (tests may replace it) and when asked for.
        if (!options.Value.WarmUpAtStart || services.GetRequiredService<ICodeJudge>() is not JudgeEngineAdapter)
        {
            return;
        }
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
                await services.GetRequiredService<JudgeWarmUp>().WarmUpAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The judge's warm-up failed; the first runs will be slower")]
    private partial void LogFailed(Exception exception);
}
