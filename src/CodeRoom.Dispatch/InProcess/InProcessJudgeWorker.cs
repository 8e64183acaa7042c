using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Dispatch.InProcess;

/// <summary>Consumes <see cref="InProcessJudgeQueue"/> with N concurrent workers (default: one per sandbox slot).</summary>
public sealed partial class InProcessJudgeWorker(
    InProcessJudgeQueue queue,
    JudgeJobProcessor processor,
    IOptions<JudgeQueueOptions> queueOptions,
    IOptions<SandboxOptions> sandboxOptions,
    ILogger<InProcessJudgeWorker> logger) : BackgroundService
{
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
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                using var activity = Telemetry.RunTelemetry.StartJob(job.SubmissionId, job.Parent);
                await processor.ProcessAsync(job.SubmissionId, job.Problem.Problem, redelivered: false, failOnShutdown: true, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: jobs still queued stay "queued" in the database (the sweeper queues them again at start).
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judge queue started with {Workers} workers (in-process)")]
    private partial void LogStarted(int workers);
}
