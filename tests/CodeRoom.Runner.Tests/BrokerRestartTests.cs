using System.Diagnostics;
using System.Net;
using CodeRoom.Api.Tests;
using CodeRoom.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Runner.Tests;

/// <summary>A broker of its own that the test restarts.</summary>
public sealed class OwnBrokerApiFactory() : PrivateBrokerApiFactory("CODEROOM_TEST_OWN_RABBITMQ_PORT", 15721, waitSeconds: "0.2");

public sealed class BrokerRestartTests(OwnBrokerApiFactory factory) : IClassFixture<OwnBrokerApiFactory>
{
    private const string SlowSum = "import time\nclass Solution:\n    def add_two(self, a, b):\n        time.sleep(0.3)\n        return a + b\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 240_000)]
    public async Task Jobs_queued_and_in_flight_survive_a_broker_restart_and_run_and_submit_answer_503_while_it_is_down()
    {
        await using var runner = factory.StartRunner(5);
        await runner.WaitUntilConsumingAsync(Ct);
        var client = factory.ClientFor("fleet-restart-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.SubmitAsync(attempt, SlowSum);
            ids.Add((await response.Json200())["submission_id"]!.GetValue<Guid>());
        }
        await runner.WaitForLineAsync(l => l.Contains("STARTED ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);

        Broker.Stop(factory.Port);
        try
        {
            // The broker is unreachable: an answer at once, 503 with Retry-After; never a hang or a 500.
            foreach (var send in new Func<Task<HttpResponseMessage>>[] { () => client.RunAsync(attempt, SlowSum), () => client.SubmitAsync(attempt, SlowSum) })
            {
                var clock = Stopwatch.StartNew();
                var refused = await send();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
            }
        }
        finally
        {
            Broker.Start(factory.Port);
        }

        // Nothing lost: every job accepted before the restart finishes, once.
        foreach (var id in ids)
        {
            var status = await client.WaitForResultAsync(id, Ct, 90);
            Assert.Equal("finished", status["status"]!.GetValue<string>());
        }
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(ids.Count, await db.RunLogs.CountAsync(l => ids.Contains(l.SubmissionId), Ct));
        }

        // And run/submit recover by themselves.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage again;
        do
        {
            await Task.Delay(250, Ct);
            again = await client.RunAsync(attempt, SlowSum);
        }
        while (again.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
        var againId = (await again.Json200())["run_id"]!.GetValue<Guid>();
        Assert.Equal("finished", (await client.WaitForResultAsync(againId, Ct, 60))["status"]!.GetValue<string>());
    }
}

/// <summary>An Api whose broker has never been reachable (nothing listens on its port).</summary>
public sealed class NoBrokerApiFactory : FleetApiFactory
{
    protected override void Configure()
    {
        base.Configure();
        Settings["RabbitMq:Url"] = "amqp://guest:guest@127.0.0.1:1/";
    }
}

public sealed class NoBrokerTests(NoBrokerApiFactory factory) : IClassFixture<NoBrokerApiFactory>
{
    [Fact(Timeout = 60_000)]
    public async Task With_the_broker_unreachable_from_the_start_run_answers_503_at_once_and_the_row_is_not_left_queued()
    {
        var client = factory.ClientFor("fleet-nobroker-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.RunAsync(attempt, Candidates.Sum);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
        }
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Submissions.AnyAsync(s => s.UserId.StartsWith("fleet-nobroker-") && s.Status == "queued",
            TestContext.Current.CancellationToken));
    }
}
