using System.Net;
using System.Net.Http.Json;
using CodeRoom.Api.Tests;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Runner.Tests;

/// <summary>Api instances as separate, unprivileged processes sharing the database, the broker and Redis.</summary>
public sealed class ApiProcessTests(FleetApiFactory factory) : IClassFixture<FleetApiFactory>
{
    private const string Slow = "import time\nclass Solution:\n    def add_two(self, a, b):\n        time.sleep(0.5)\n        return a + b\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Environment(string redisPrefix) => new()
    {
        ["JWT_SECRET"] = ApiFactory.Secret,
        ["DATABASE_URL"] = factory.Settings["DATABASE_URL"],
        ["RABBITMQ_URL"] = factory.RabbitUrl,
        ["RabbitMq__Prefix"] = factory.Prefix,
        ["RabbitMq__DeliveryLimit"] = "2",
        ["REDIS_URL"] = TestServers.RedisUrl,
        ["RateLimit__RedisKeyPrefix"] = redisPrefix,
        ["RATE_LIMIT_PER_MINUTE"] = "10",
        ["JUDGE_WAIT_SECONDS"] = "0.2",
        ["JudgeQueue__MaxInFlightPerUser"] = "1000",
    };

    [Fact(Timeout = 180_000)]
    public async Task Api_instances_run_unprivileged_survive_a_restart_under_a_polling_client_and_share_the_rate_limit()
    {
        var env = Environment($"coderoom-test:{Guid.NewGuid():N}:");
        await using var runner = factory.StartRunner(6);
        await using var first = new ApiProcess(18191, env); // killed below; disposed whatever fails, never left running
        await using var second = new ApiProcess(18192, env);
        await Task.WhenAll(runner.WaitUntilConsumingAsync(Ct), first.WaitUntilHealthyAsync(Ct), second.WaitUntilHealthyAsync(Ct));

        // Fleet mode: not root, no capability of any kind.
        var status = first.Status();
        Assert.DoesNotContain("0", status["Uid"].Split('\t', StringSplitOptions.RemoveEmptyEntries));
        foreach (var set in new[] { "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb" })
        {
            Assert.Equal(0UL, Convert.ToUInt64(status[set], 16));
        }

        // A client polls its job while the instance that took it is killed and started again.
        var user = "fleet-proc-" + Guid.NewGuid();
        var client = first.ClientFor(user);
        var attempt = await client.NewAttemptAsync();
        var queued = await client.SubmitAsync(attempt, Slow);
        var id = (await queued.Json200())["submission_id"]!.GetValue<Guid>();
        first.Kill();
        await using var restarted = new ApiProcess(18191, env);
        await restarted.WaitUntilHealthyAsync(Ct);
        var result = await restarted.ClientFor(user).WaitForResultAsync(id, Ct, 60);
        Assert.Equal("finished", result["status"]!.GetValue<string>());
        Assert.Equal("accepted", result["summary"]!["status"]!.GetValue<string>());

        // Ten runs a minute per user, counted in Redis: the eleventh is refused whichever instance it reaches.
        var other = "fleet-rl-" + Guid.NewGuid();
        var clients = new[] { restarted.ClientFor(other), second.ClientFor(other) };
        var otherAttempt = await clients[0].NewAttemptAsync();
        for (var i = 0; i < 10; i++)
        {
            var response = await clients[i % 2].RunAsync(otherAttempt, Candidates.Sum);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"run {i + 1}: {(int)response.StatusCode}");
        }
        foreach (var c in clients)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await c.RunAsync(otherAttempt, Candidates.Sum)).StatusCode);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_configuration_error_at_start_is_one_line_naming_the_variable_and_a_non_zero_exit()
    {
        foreach (var (variable, value) in new[] { ("JWT_SECRET", "too-short"), ("RABBITMQ_URL", "http://broker"), ("DATABASE_URL", "mysql://db"),
            ("REDIS_URL", "http://cache:6379"), ("REDIS_URL", "redis://[bad") })
        {
            var env = Environment("unused:");
            env[variable] = value;
            await using var api = new ApiProcess(18193, env);
            var exit = await api.WaitForExitAsync(Ct);
            Assert.Equal(2, exit);
            var lines = api.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains(variable, lines[0]);
            Assert.DoesNotContain("   at ", api.Output);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_port_already_in_use_at_start_is_one_line_naming_the_address_and_a_non_zero_exit()
    {
        // Often an earlier instance still running: Kestrel's own failure was a logged stack trace.
        var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 18194);
        holder.Start();
        try
        {
            await using var api = new ApiProcess(18194, Environment("unused:"));
            Assert.Equal(2, await api.WaitForExitAsync(Ct));
            var lines = api.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains("127.0.0.1:18194", lines[0]);
            Assert.Contains("already in use", lines[0]);
            Assert.DoesNotContain("   at ", api.Output);
        }
        finally
        {
            holder.Stop();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_database_it_cannot_reach_at_start_is_one_line_and_exit_1_for_the_service_manager_to_retry()
    {
        var env = Environment("unused:");
        env["DATABASE_URL"] = "postgres://coderoom@127.0.0.1:1/nowhere"; // nothing listens on port 1
        env["Content__MigrateOnStart"] = "true"; // the start-up's first use of the database
        await using var api = new ApiProcess(18195, env);
        Assert.Equal(1, await api.WaitForExitAsync(Ct));
        // stdout (EF Core's own log line) and stderr (ours) are read by two readers: their lines may come in either order.
        var line = Assert.Single(api.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => l.StartsWith("coderoom: ", StringComparison.Ordinal));
        Assert.StartsWith("coderoom: the database (DATABASE_URL) cannot be used", line);
        Assert.Contains("127.0.0.1:1", line);
        Assert.DoesNotContain("   at ", api.Output);
    }
}
