using System.Net;
using System.Net.Sockets;
using CodeRoom.Api.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Runner.Tests;

/// <summary>
/// A TCP relay between a runner and the shared PostgreSQL: cut, it drops every relayed connection and refuses new ones,
/// which is what a runner sees of a database outage (the shared server itself must stay up for everybody else).
/// </summary>
public sealed class DatabaseLink : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener;
    private Task _accepting;

    public DatabaseLink(int targetPort)
    {
        _target = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener);
    }

    public int Port { get; }

    /// <summary>Drops every connection and refuses new ones (nothing listens on the port).</summary>
    public async Task CutAsync()
    {
        _listener.Stop();
        await _accepting;
        lock (_open)
        {
            foreach (var client in _open)
            {
                // A reset, as when the server's host goes away. A relay whose other end closed has disposed its pair
                // already (Client is then null).
                client.Client?.Close(0);
            }
            _open.Clear();
        }
    }

    public void Restore()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }
            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }
            _ = RelayAsync(inbound, outbound);
            _ = RelayAsync(outbound, inbound);
        }
    }

    private async Task RelayAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        from.Dispose();
        to.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await CutAsync();
        _stop.Dispose();
    }
}

/// <summary>Issue 12: the database goes away under a runner, before it has read a job's problem, before it claims a job,
/// and while it judges one.</summary>
public sealed class DatabaseOutageTests(FleetApiFactory factory) : IClassFixture<FleetApiFactory>
{
    private const string SlowSum = "import time\nclass Solution:\n    def add_two(self, a, b):\n        time.sleep(1.5)\n        return a + b\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> StartedAsync(RunnerProcess runner, params Guid[] not)
    {
        var line = await runner.WaitForLineAsync(l => l.Contains("STARTED ", StringComparison.Ordinal)
            && !not.Any(id => l.Contains(id.ToString(), StringComparison.Ordinal)), TimeSpan.FromSeconds(60), Ct);
        return Guid.Parse(line.Split("STARTED ")[1].Split(' ')[0]);
    }

    [Fact(Timeout = 180_000)]
    public async Task Jobs_a_runner_cannot_claim_or_store_while_its_database_is_away_are_judged_once_it_is_back_not_dead_lettered()
    {
        var direct = new Uri(factory.Settings["DATABASE_URL"]!);
        await using var link = new DatabaseLink(direct.Port);
        var viaLink = new UriBuilder(direct) { Port = link.Port }.Uri.ToString();
        await using var runner = factory.StartRunner(16, extra: new Dictionary<string, string?> { ["DATABASE_URL"] = viaLink });
        await runner.WaitUntilConsumingAsync(Ct);
        var client = factory.ClientFor("fleet-dbdown-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();

        // Away before the runner has read the job's problem (problem_revisions): it waits for the database, not a verdict.
        await link.CutAsync();
        var early = client.SubmitAsync(attempt, SlowSum);
        var waiting = await runner.WaitForLineAsync(l => l.Contains("cannot be read from the database now", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), Ct);
        var earlyId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(waiting, "[0-9a-f]{8}-[0-9a-f-]{27}").Value);
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        link.Restore();
        var read = await client.WaitForResultAsync(earlyId, Ct, seconds: 60);
        Assert.True(read["status"]!.GetValue<string>() == "finished",
            "still " + read["status"] + "; the runner's output:\n" + string.Join('\n', runner.Lines));
        _ = await early;

        // Away before the claim (the problem is cached now), for longer than the delivery limit (2 here) times the old
        // one-second hand-back.
        await link.CutAsync();
        var first = client.SubmitAsync(attempt, SlowSum);
        var firstId = await StartedAsync(runner, earlyId);
        await Task.Delay(TimeSpan.FromSeconds(6), Ct);
        link.Restore();
        var judged = await client.WaitForResultAsync(firstId, Ct, seconds: 60);
        Assert.True(judged["status"]!.GetValue<string>() == "finished",
            "still " + judged["status"] + "; the runner's output:\n" + string.Join('\n', runner.Lines));
        _ = await first;

        // Away after the claim, while the candidate's program runs: the result cannot be stored until it is back.
        var second = client.SubmitAsync(attempt, SlowSum);
        var secondId = await StartedAsync(runner, firstId, earlyId);
        using (var scope = factory.Services.CreateScope())
        {
            var rows = scope.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
            while (await rows.Submissions.AsNoTracking().Where(s => s.Id == secondId).Select(s => s.Status).FirstAsync(Ct) == "queued")
            {
                await Task.Delay(20, Ct);
            }
        }
        await link.CutAsync();
        await Task.Delay(TimeSpan.FromSeconds(6), Ct);
        link.Restore();
        var stored = await client.WaitForResultAsync(secondId, Ct, seconds: 60);
        Assert.True(stored["status"]!.GetValue<string>() == "finished",
            "still " + stored["status"] + "; the runner's output:\n" + string.Join('\n', runner.Lines));
        _ = await second;

        // Neither was dead-lettered, and each has one result.
        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<CodeRoom.Storage.AppDbContext>();
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == earlyId, Ct));
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == firstId, Ct));
        Assert.Equal(1, await db.RunLogs.CountAsync(l => l.SubmissionId == secondId, Ct));
        Assert.DoesNotContain(runner.Lines, l => l.Contains("dead-lettered", StringComparison.Ordinal));
    }
}
