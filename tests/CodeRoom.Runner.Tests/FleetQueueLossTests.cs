using System.Net;
using CodeRoom.Api.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace CodeRoom.Runner.Tests;

/// <summary>One run in flight per user, as in production, and a quick sweeper: a job lost on the broker is published
/// again within seconds instead of locking its user out until it is failed (30 minutes).</summary>
public sealed class OneInFlightFleetApiFactory : FleetApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        Settings["JudgeQueue:MaxInFlightPerUser"] = "1";
        Settings["JudgeQueue:WaitSeconds"] = "0.5";
        Settings["JudgeQueue:OrphanSweepSeconds"] = "1";
        Settings["JudgeQueue:OrphanedQueuedFleetRepublishSeconds"] = "2";
    }
}

/// <summary>Issue 12: the job queue deleted under a running fleet (its jobs lost with it), and the per-user cap.</summary>
public sealed class FleetQueueLossTests(OneInFlightFleetApiFactory factory) : IClassFixture<OneInFlightFleetApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task DeleteJobQueueAsync()
    {
        var connectionFactory = new ConnectionFactory { Uri = new Uri(factory.RabbitUrl) };
        await using var connection = await connectionFactory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        await channel.QueueDeleteAsync(factory.Prefix + ".judge.jobs", ifUnused: false, ifEmpty: false, cancellationToken: Ct);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_queued_job_counts_against_the_users_cap_and_a_job_lost_with_a_deleted_queue_is_published_again_and_judged()
    {
        var client = factory.ClientFor("fleet-lost-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        // No runner yet: the run waits queued on the broker, and it is this user's one run in flight.
        var first = await client.RunAsync(attempt, Candidates.Sum);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstId = (await first.Json200())["run_id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.RunAsync(attempt, Candidates.Sum)).StatusCode);

        // The queue is deleted with the job in it. The sweeper finds a queued row with nothing waiting on the broker,
        // declares the queue again and publishes the job again; a runner that starts now judges it.
        await DeleteJobQueueAsync();
        await using var runner = factory.StartRunner(12);
        await runner.WaitUntilConsumingAsync(Ct);
        var judged = await client.WaitForResultAsync(firstId, Ct, seconds: 60);
        Assert.Equal("finished", judged["status"]!.GetValue<string>());
        Assert.Equal("accepted", judged["summary"]!["status"]!.GetValue<string>());

        // The user may run again, and a second deletion while the runner consumes is recovered from: the runner
        // consumes the queue again (its consumer was cancelled by the broker) and the Api declares it on publish.
        await DeleteJobQueueAsync();
        var second = await client.RunAsync(attempt, Candidates.Sum);
        Assert.True(second.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{second.StatusCode}");
        var secondId = (await second.Json200())["run_id"]!.GetValue<Guid>();
        var again = await client.WaitForResultAsync(secondId, Ct, seconds: 60);
        Assert.Equal("finished", again["status"]!.GetValue<string>());
        await runner.WaitForLineAsync(l => l.Contains("consumer cancelled by the broker", StringComparison.Ordinal), TimeSpan.FromSeconds(30), Ct);

        // Judged once each: one result and one run log per submission.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == firstId, Ct));
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == secondId, Ct));
    }
}
