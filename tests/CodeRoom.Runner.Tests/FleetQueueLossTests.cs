using System.Net;
using CodeRoom.Api.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace CodeRoom.Runner.Tests;

/// <summary>The tests that delete a quorum queue and declare it again do so on a node of their own: RabbitMQ 3.10 handles
/// that oddly (RabbitMqConsumerSupport's summary), and the shared node serves every other test.</summary>
public sealed class QueueDeletingFleetApiFactory() : PrivateBrokerApiFactory("CODEROOM_TEST_QUEUE_RABBITMQ_PORT", 15723);

/// <summary>One run in flight per user, as in production, and a quick sweeper: a job lost on the broker is published
/// again within seconds instead of locking its user out until it is failed (30 minutes). On a node of its own, as
/// above.</summary>
public sealed class OneInFlightFleetApiFactory() : PrivateBrokerApiFactory("CODEROOM_TEST_QUEUE_RABBITMQ_PORT", 15723)
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
    public async Task A_queued_job_counts_against_the_users_cap_and_a_job_lost_with_a_deleted_queue_is_published_again_and_judged_once()
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

        // The user is not locked out: the next run is judged.
        var second = await client.RunAsync(attempt, Candidates.Sum);
        Assert.True(second.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{second.StatusCode}");
        var secondId = (await second.Json200())["run_id"]!.GetValue<Guid>();
        var again = await client.WaitForResultAsync(secondId, Ct, seconds: 60);
        Assert.Equal("finished", again["status"]!.GetValue<string>());

        // Judged once each: one result and one run log per submission.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == firstId, Ct));
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == secondId, Ct));
    }
}

public sealed class FleetQueueDeletedTests(QueueDeletingFleetApiFactory factory) : IClassFixture<QueueDeletingFleetApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Passed alone, failed with the rest of this suite: RabbitMQ 3.10 re-attaches a consumer whose channel has not yet
    // handled the deletion to the queue declared again at once, without a basic.cancel; the queue counts it and hands it
    // the job, which the channel never delivers (RabbitMqConsumerSupport's summary). An idle consumer is renewed after
    // RabbitMq:IdleResubscribeSeconds (10 here, 30 by default), which bounds how long such a job waits.
    [Fact(Timeout = 180_000)]
    public async Task A_job_queue_deleted_under_a_consuming_runner_is_declared_again_and_the_next_run_is_judged()
    {
        await using var runner = factory.StartRunner(15, extra: new Dictionary<string, string?> { ["RabbitMq__IdleResubscribeSeconds"] = "10" });
        await runner.WaitUntilConsumingAsync(Ct);
        var client = factory.ClientFor("fleet-deleted-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RunAsync(attempt, Candidates.Sum)).StatusCode);

        var connectionFactory = new ConnectionFactory { Uri = new Uri(factory.RabbitUrl) };
        await using (var connection = await connectionFactory.CreateConnectionAsync(Ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
        {
            await channel.QueueDeleteAsync(factory.Prefix + ".judge.jobs", ifUnused: false, ifEmpty: false, cancellationToken: Ct);
        }

        // The Api's publish comes back unroutable, so it declares the queue again and publishes once more; the runner,
        // its consumer cancelled (or found missing by its probe), consumes the new queue.
        var response = await client.RunAsync(attempt, Candidates.Sum);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{response.StatusCode}");
        var id = (await response.Json200())["run_id"]!.GetValue<Guid>();
        var result = await client.WaitForResultAsync(id, Ct, seconds: 60);
        var queueState = "";
        if (result["status"]!.GetValue<string>() != "finished")
        {
            await using var connection = await connectionFactory.CreateConnectionAsync(Ct);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
            try
            {
                var ok = await channel.QueueDeclarePassiveAsync(factory.Prefix + ".judge.jobs", Ct);
                queueState = $"the job queue holds {ok.MessageCount} messages for {ok.ConsumerCount} consumers";
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e)
            {
                queueState = "the job queue: " + e.Message;
            }
        }
        Assert.True(result["status"]!.GetValue<string>() == "finished",
            "still " + result["status"] + "; " + queueState + "; the runner's output:\n" + string.Join('\n', runner.Lines));
    }
}

/// <summary>A job queue bounded at two jobs, and no runner: the third job is refused by the broker.</summary>
public sealed class BoundedQueueFleetApiFactory : FleetApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        Settings["RabbitMq:MaxQueuedJobs"] = "2";
        Settings["JudgeQueue:WaitSeconds"] = "0.2";
    }
}

/// <summary>Issue 12: a flood of runs meets the queue's bound (x-max-length, reject-publish) and gets 503 with
/// Retry-After, instead of growing the queue without end.</summary>
public sealed class FleetQueueBoundTests(BoundedQueueFleetApiFactory factory) : IClassFixture<BoundedQueueFleetApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task Runs_beyond_the_queue_bound_answer_503_with_Retry_After_and_their_rows_say_failed()
    {
        var client = factory.ClientFor("fleet-flood-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        // A quorum queue applies its bound as the publishes are applied, so one or two past it may still be taken
        // (RabbitMQ's documented approximation for reject-publish on quorum queues); then it refuses.
        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8 && refused is null; i++)
        {
            var response = await client.RunAsync(attempt, Candidates.Sum);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted++;
            }
            else
            {
                refused = response;
            }
        }
        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("queue is full", await refused.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(accepted, 2, 4);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
        var statuses = await db.Submissions.Where(s => s.AttemptId == attempt).Select(s => s.Status).ToListAsync(Ct);
        Assert.Equal(accepted, statuses.Count(s => s == "queued"));
        Assert.Equal(1, statuses.Count(s => s == "failed"));
    }
}

/// <summary>What a job is on the broker: a few hundred bytes naming the problem's revision, never the problem's tests
/// (the runner reads those from problem_revisions), so a Submit on a problem with megabytes of hidden tests does not push
/// them through the quorum queue's log each time. Same factory as the bound test: no runner takes the jobs.</summary>
public sealed class FleetJobMessageTests(BoundedQueueFleetApiFactory factory) : IClassFixture<BoundedQueueFleetApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task A_job_on_the_broker_names_the_problem_revision_and_carries_no_tests()
    {
        var client = factory.ClientFor("fleet-message-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        // 202 (queued), or 503 when the bound test filled the two-job queue first: either way jobs are waiting.
        var response = await client.SubmitAsync(attempt, Candidates.Sum);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}");

        var connectionFactory = new ConnectionFactory { Uri = new Uri(factory.RabbitUrl) };
        await using var connection = await connectionFactory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var job = await channel.BasicGetAsync(factory.Prefix + ".judge.jobs", autoAck: false, Ct);
        Assert.NotNull(job);
        var body = System.Text.Encoding.UTF8.GetString(job.Body.Span);
        await channel.BasicNackAsync(job.DeliveryTag, multiple: false, requeue: true, Ct);
        Assert.True(job.Body.Length < 512, $"{job.Body.Length} bytes: {body}");
        Assert.DoesNotContain(ApiFactory.HiddenMarkerInput, body, StringComparison.Ordinal);
        Assert.Contains("\"problem_revision\":", body, StringComparison.Ordinal);

        // The revision it names is stored, with the tests.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
        var stored = await db.ProblemRevisions.AsNoTracking().ToListAsync(Ct);
        Assert.Contains(stored, r => r.DefinitionJson.Contains(ApiFactory.HiddenMarkerInput, StringComparison.Ordinal));
    }
}
