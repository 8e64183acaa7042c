using System.Net;
using CodeRoom.Api.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Runner.Tests;

/// <summary>Issue 12: a runner that hangs (SIGSTOP) rather than dies. Its AMQP heartbeat stops, so the broker closes its
/// connection after about two heartbeats and gives the job to another runner; when the hung one continues (SIGCONT) its
/// claim no longer holds and it stores nothing.</summary>
public sealed class HungRunnerTests(FleetApiFactory factory) : IClassFixture<FleetApiFactory>
{
    private const string Sleeps = "import time\nclass Solution:\n    def add_two(self, a, b):\n        time.sleep(30)\n        return a + b\n";
    private static readonly Dictionary<string, string?> FastHeartbeat = new() { ["RabbitMq__HeartbeatSeconds"] = "2" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task A_stopped_runners_job_is_redelivered_within_the_heartbeat_bound_judged_once_and_not_stored_again_on_SIGCONT()
    {
        await using var hung = factory.StartRunner(13, extra: FastHeartbeat);
        await hung.WaitUntilConsumingAsync(Ct);
        var client = factory.ClientFor("fleet-hung-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var request = client.SubmitAsync(attempt, Sleeps);
        var started = await hung.WaitForLineAsync(l => l.Contains("STARTED ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        var id = Guid.Parse(started.Split("STARTED ")[1].Split(' ')[0]);
        // Stopped once it holds the claim (the row is running), so that on SIGCONT it has a result it must not store.
        using (var claimScope = factory.Services.CreateScope())
        {
            var rows = claimScope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
            while (await rows.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Status).FirstAsync(Ct) != "running")
            {
                await Task.Delay(20, Ct);
            }
        }
        hung.Signal("STOP");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await using var other = factory.StartRunner(14, extra: FastHeartbeat);
            await other.WaitUntilConsumingAsync(Ct);
            // Redelivered once the broker gave up on the hung runner's heartbeat (2 s; closed after about two missed).
            await other.WaitForLineAsync(l => l.Contains($"STARTED {id} (redelivered: True", StringComparison.Ordinal),
                TimeSpan.FromSeconds(45), Ct);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"redelivered after {clock.Elapsed}");
            var result = await client.WaitForResultAsync(id, Ct, seconds: 60);
            Assert.Equal("finished", result["status"]!.GetValue<string>());
            _ = await request;

            // Back from SIGSTOP: it finishes its judging, finds its claim taken, and drops its result.
            hung.Signal("CONT");
            await hung.WaitForLineAsync(l => l.Contains("Another judge claimed this job", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        }
        finally
        {
            hung.Signal("CONT"); // never leave a stopped process behind, whatever failed
        }
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == id, Ct));
    }
}
