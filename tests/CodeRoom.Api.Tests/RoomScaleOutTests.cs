using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CodeRoom.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;

namespace CodeRoom.Api.Tests;

/// <summary>One of several API instances sharing a PostgreSQL database and the Redis backplane.</summary>
public sealed class ScaledRoomFactory(string databaseUrl, string prefix) : RoomFactory
{
    protected override void Configure()
    {
        base.Configure();
        Settings["DATABASE_URL"] = databaseUrl;
        Settings["REDIS_URL"] = TestServers.RedisUrl;
        Settings["Room:RedisChannelPrefix"] = prefix + ":room";
        Settings["RateLimit:RedisKeyPrefix"] = prefix + ":ratelimit:";
    }
}

/// <summary>Issue 16 across two instances: the candidate on one, the interviewer on the other, SignalR's Redis
/// backplane (the shared server of scripts/start-redis.sh) in between.</summary>
public sealed class RoomScaleOutTests : IAsyncLifetime
{
    private ScaledRoomFactory? _a;
    private ScaledRoomFactory? _b;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var database = await TestServers.CreatePostgresDatabaseAsync("coderoom_room");
        var prefix = "coderoom-test-" + Guid.NewGuid().ToString("N");
        _a = new ScaledRoomFactory(database, prefix);
        await _a.InitializeAsync();
        _b = new ScaledRoomFactory(database, prefix);
        await _b.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task An_interviewer_on_another_instance_sees_the_typing_the_run_and_the_presence()
    {
        var interview = "iv-" + Guid.NewGuid().ToString("N");
        var candidateToken = Room.Token("cand-" + Guid.NewGuid(), "candidate", interview);
        var candidate = _a!.Client(candidateToken);
        var attempt = await candidate.BoundAttemptAsync(Ct);
        Assert.NotEqual(_a!.ClientOptions.BaseAddress, _b!.ClientOptions.BaseAddress);

        await using var candidateHub = await _a.ConnectAsync(candidateToken, Ct);
        var watchers = candidateHub.Collect("watcher");
        await candidateHub.InvokeAsync("Join", attempt, Ct);

        await using var interviewerHub = await _b.ConnectAsync(Room.Token("iv", "interviewer", interview), Ct);
        var code = interviewerHub.Collect("code");
        var results = interviewerHub.Collect("result");
        await interviewerHub.InvokeAsync<JsonElement>("Watch", attempt, Ct);
        Assert.True((await watchers.NextAsync(_ => true, TimeSpan.FromSeconds(10))).GetProperty("present").GetBoolean());

        const string typed = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
        var sent = Stopwatch.StartNew();
        await candidateHub.Code(attempt, typed, Ct);
        await code.NextAsync(e => e.GetProperty("code").GetString() == typed, TimeSpan.FromSeconds(5));
        Assert.True(sent.ElapsedMilliseconds < 500, $"took {sent.ElapsedMilliseconds} ms across instances");

        await (await candidate.RunAsync(attempt, typed)).Json200();
        var run = await results.NextAsync(e => e.GetProperty("kind").GetString() == "run", TimeSpan.FromSeconds(10));
        Assert.Equal("accepted", run.GetProperty("result").GetProperty("summary").GetProperty("status").GetString());

        // The history written on instance A replays on instance B.
        var history = await (await _b.Client(Room.Token("iv", "interviewer", interview)).GetAsync($"/api/attempts/{attempt}/history", Ct)).Json200();
        Assert.Equal(typed, history["events"]![0]!["text"]!.GetValue<string>());
    }
}

/// <summary>EMBED_ORIGINS (issue 16): the frame-ancestors CSP, the embed config, and a bad value stopping the start.</summary>
public sealed class EmbedOriginsFactory : ApiFactory
{
    protected override void Configure() => Settings["EMBED_ORIGINS"] = "http://127.0.0.1:18999, https://Host.Example.com";
}

public sealed class EmbedTests(EmbedOriginsFactory factory) : IClassFixture<EmbedOriginsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_embed_page_may_be_framed_and_only_by_the_configured_origins()
    {
        var http = factory.CreateClient();
        var embed = await http.GetAsync("/embed/", Ct);
        Assert.Equal("frame-ancestors 'self' http://127.0.0.1:18999 https://host.example.com",
            embed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        foreach (var path in new[] { "/", "/problem/", "/api/problems", "/watch/" })
        {
            var other = await http.GetAsync(path, Ct);
            Assert.Equal("frame-ancestors 'none'", other.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", other.Headers.GetValues("X-Frame-Options").Single());
        }
        var config = await (await http.GetAsync("/api/embed/config", Ct)).Json200();
        Assert.Equal("""["http://127.0.0.1:18999","https://host.example.com"]""", config["origins"]!.ToJsonString());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("https://ok.example.com,notanorigin")]
    [InlineData("https://ok.example.com/path")]
    [InlineData("ftp://files.example.com")]
    public async Task A_bad_EMBED_ORIGINS_stops_the_service_with_one_line(string value)
    {
        var dll = Path.Combine(TestServers.RepoRoot, "src", "CodeRoom.Api", "bin", "Release", "net10.0", "CodeRoom.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["EMBED_ORIGINS"] = value;
        start.Environment["PORT"] = "1";
        start.Environment["Content__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"coderoom-embed-{Guid.NewGuid():N}.db");
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coderoom: EMBED_ORIGINS: '", line, StringComparison.Ordinal);
    }
}
