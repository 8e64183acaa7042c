using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CodeRoom.Api.Tests;

namespace CodeRoom.Runner.Tests;

/// <summary>A broker of its own that the test freezes.</summary>
public sealed class HungBrokerApiFactory() : PrivateBrokerApiFactory("CODEROOM_TEST_HUNG_RABBITMQ_PORT", 15722, waitSeconds: "0.2")
{
    protected override void Configure()
    {
        base.Configure();
        Settings["RabbitMq:EditorTimeoutSeconds"] = "3";
    }
}

/// <summary>
/// Issue 12: a broker that hangs rather than dies (SIGSTOP: it still holds its ports, the kernel still accepts
/// connections, nothing answers). Run, submit and the editor's check answer 503 within their bounds instead of waiting
/// on a publish confirm that never comes; start-rabbitmq.sh replaces the wedged node instead of waiting on it; the Api
/// and the runner reconnect by themselves. (CI once saw an editor check wait 3 minutes on an unresponsive node and every
/// later start of that node time out.)
/// </summary>
public sealed class HungBrokerTests(HungBrokerApiFactory factory) : IClassFixture<HungBrokerApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 240_000)]
    public async Task A_hung_broker_costs_requests_their_bound_not_a_hang_and_is_replaced_by_the_start_script()
    {
        // The runner renews an idle consumer every 5 s, so it closes a channel on the hung broker while the test waits.
        await using var runner = factory.StartRunner(23, extra: new Dictionary<string, string?> { ["RabbitMq__IdleResubscribeSeconds"] = "5" });
        await runner.WaitUntilConsumingAsync(Ct);
        var client = factory.ClientFor("fleet-hung-broker-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var first = (await (await client.RunAsync(attempt, Candidates.Sum)).Json200())["run_id"]!.GetValue<Guid>();
        Assert.Equal("finished", (await client.WaitForResultAsync(first, Ct, 60))["status"]!.GetValue<string>());

        var node = Broker.NodePids(factory.Port);
        Assert.NotEmpty(node);
        Signal("STOP", node);
        var frozen = Stopwatch.StartNew();
        try
        {
            foreach (var (what, send) in new (string, Func<Task<HttpResponseMessage>>)[]
            {
                ("run", () => client.RunAsync(attempt, Candidates.Sum)),
                ("submit", () => client.SubmitAsync(attempt, Candidates.Sum)),
                ("check", () => client.PostAsJsonAsync("/api/coding/check",
                    new { attempt_id = attempt, problem_id = "add-two", language = "java", code = "class Solution {}" }, Ct)),
            })
            {
                var clock = Stopwatch.StartNew();
                var response = await send();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {response.StatusCode}");
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{what} answered after {clock.Elapsed}");
            }

            // Long enough for the runner's renewal to close a channel on the hung broker and for the client to give up
            // on that close (its 20 s continuation timeout), which once stopped the runner's host.
            var hold = TimeSpan.FromSeconds(30) - frozen.Elapsed;
            if (hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, Ct);
            }
            Assert.True(runner.Starts == 1 && !runner.Lines.Any(l => l.StartsWith("[exited", StringComparison.Ordinal)),
                "the runner died while the broker hung:\n" + string.Join('\n', runner.Lines.TakeLast(30)));

            // The start script finds the node registered but deaf, kills it and starts it again on its own data.
            var clockStart = Stopwatch.StartNew();
            Broker.Start(factory.Port);
            Assert.True(clockStart.Elapsed < TimeSpan.FromSeconds(90), $"the wedged node was replaced after {clockStart.Elapsed}");
            Assert.Empty(Broker.NodePids(factory.Port).Intersect(node));
        }
        finally
        {
            Signal("CONT", node); // never leave a stopped process behind, whatever failed (a killed one ignores it)
        }

        // The Api and the runner reconnect by themselves: runs are accepted and judged again.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage again;
        do
        {
            await Task.Delay(500, Ct);
            again = await client.RunAsync(attempt, Candidates.Sum);
        }
        while (again.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
        var againId = (await again.Json200())["run_id"]!.GetValue<Guid>();
        Assert.Equal("finished", (await client.WaitForResultAsync(againId, Ct, 60))["status"]!.GetValue<string>());
        Assert.False(runner.Lines.Any(l => l.StartsWith("[exited", StringComparison.Ordinal)), "the same runner judged it");
    }

    private static void Signal(string signal, IReadOnlyList<int> pids)
    {
        var info = new ProcessStartInfo("kill") { RedirectStandardError = true };
        info.ArgumentList.Add("-" + signal);
        foreach (var pid in pids)
        {
            info.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        }
        using var kill = Process.Start(info)!;
        kill.WaitForExit();
    }
}
