using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Judging;
using CodeRoom.Storage;
using CodeRoom.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Api.Tests;

public sealed class RateLimitedFactory : ApiFactory
{
    protected override void Configure() => Settings["RateLimit:PermitsPerWindow"] = "3";
}

public sealed class TinyQueueFactory : ApiFactory
{
    protected override void Configure()
    {
        Settings["JudgeQueue:Workers"] = "1";
        Settings["JudgeQueue:Capacity"] = "1";
        Settings["JudgeQueue:WaitSeconds"] = "0.2";
    }
}

/// <summary>One worker and room in the queue: a second job waits there.</summary>
public sealed class OneWorkerFactory : ApiFactory
{
    protected override void Configure()
    {
        Settings["JudgeQueue:Workers"] = "1";
        Settings["JudgeQueue:Capacity"] = "8";
        Settings["JudgeQueue:WaitSeconds"] = "0.2";
    }
}

public sealed class InFlightFactory : ApiFactory
{
    protected override void Configure()
    {
        Settings["JudgeQueue:Workers"] = "2";
        Settings["JudgeQueue:MaxInFlightPerUser"] = "1";
        Settings["JudgeQueue:WaitSeconds"] = "0.2";
    }
}

public sealed class InFlightTests(InFlightFactory factory) : IClassFixture<InFlightFactory>
{
    [Fact]
    public async Task A_user_with_a_run_still_being_judged_gets_429_and_another_user_is_judged_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var slow = factory.ClientFor("inflight-" + Guid.NewGuid());
        var attempt = await slow.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await slow.RunAsync(attempt, "BLOCK")).StatusCode);
        var refused = await slow.SubmitAsync(attempt, "BLOCK");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        Assert.StartsWith("application/problem+json", refused.Content.Headers.ContentType!.ToString());

        // The second judge slot is free for everybody else.
        var other = factory.ClientFor("inflight-other-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await other.RunAsync(await other.NewAttemptAsync(), "x")).StatusCode);
        factory.Judge.Release(1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage again;
        do
        {
            await Task.Delay(100, ct);
            again = await slow.RunAsync(attempt, "x");
        }
        while (again.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}

public sealed class RedisFactory(string prefix) : ApiFactory
{
    protected override void Configure()
    {
        Settings["REDIS_URL"] = TestServers.RedisUrl;
        Settings["RateLimit:PermitsPerWindow"] = "3";
        Settings["RateLimit:RedisKeyPrefix"] = prefix;
    }
}

public sealed class DevModeFactory : ApiFactory
{
    protected override void Configure() => Settings["JWT_SECRET"] = "";
}

public sealed class InMemoryRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task The_fourth_run_in_a_minute_answers_429_with_retry_after_and_other_users_are_unaffected()
    {
        var client = factory.ClientFor("rl-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await (i % 2 == 0 ? client.RunAsync(attempt, "x") : client.SubmitAsync(attempt, "x"))).StatusCode);
        }
        var limited = await client.RunAsync(attempt, "x");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        Assert.StartsWith("application/problem+json", limited.Content.Headers.ContentType!.ToString());

        // Drafts are not limited, and another user has their own window.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/coding/drafts",
            new { attempt_id = attempt, problem_id = "add-two", language = "python", code = "x" }, TestContext.Current.CancellationToken)).StatusCode);
        var other = factory.ClientFor("rl-other-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await other.RunAsync(await other.NewAttemptAsync(), "x")).StatusCode);
    }
}

/// <summary>Two service instances (each with its own database) sharing one Redis under a key prefix of their own.</summary>
public abstract class TwoRedisInstances<TFactory> : IAsyncLifetime where TFactory : ApiFactory
{
    private readonly string _prefix = $"coderoom-test:{Guid.NewGuid():N}:";

    protected TFactory A { get; private set; } = null!;
    protected TFactory B { get; private set; } = null!;

    protected abstract TFactory Create(string redisKeyPrefix);

    public async ValueTask InitializeAsync()
    {
        A = Create(_prefix);
        B = Create(_prefix);
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class RedisRateLimitTests : TwoRedisInstances<RedisFactory>
{
    protected override RedisFactory Create(string redisKeyPrefix) => new(redisKeyPrefix);

    [Fact]
    public async Task Two_instances_sharing_redis_share_one_window_per_user()
    {
        const string user = "shared-user";
        var onA = A.ClientFor(user);
        var onB = B.ClientFor(user);
        var attemptA = await onA.NewAttemptAsync();
        var attemptB = await onB.NewAttemptAsync();

        Assert.Equal(HttpStatusCode.OK, (await onA.RunAsync(attemptA, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.SubmitAsync(attemptA, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.RunAsync(attemptB, "x")).StatusCode);
        var limited = await onB.RunAsync(attemptB, "x");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await onA.RunAsync(attemptA, "x")).StatusCode);

        var someoneElse = B.ClientFor("another-user");
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.RunAsync(await someoneElse.NewAttemptAsync(), "x")).StatusCode);
    }
}

public sealed class QueueTests(TinyQueueFactory factory) : IClassFixture<TinyQueueFactory>
{
    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_and_the_queued_work_still_finishes()
    {
        var client = factory.ClientFor("q-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var ct = TestContext.Current.CancellationToken;

        var first = await client.RunAsync(attempt, "BLOCK");   // taken by the only worker
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstId = (await first.Json200())["run_id"]!.GetValue<Guid>();
        await Task.Delay(300, ct);
        // Other users (one run in flight per user is the default).
        var secondUser = factory.ClientFor("q-second-" + Guid.NewGuid());
        var second = await secondUser.RunAsync(await secondUser.NewAttemptAsync(), "BLOCK");  // fills the queue (capacity 1)
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var thirdUser = factory.ClientFor("q-third-" + Guid.NewGuid());
        var third = await thirdUser.RunAsync(await thirdUser.NewAttemptAsync(), "x");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);

        factory.Judge.Release(2);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject status;
        do
        {
            await Task.Delay(100, ct);
            status = await (await client.GetAsync($"/api/coding/status?id={firstId}", ct)).Json200();
        }
        while (status["status"]!.GetValue<string>() != "finished" && DateTime.UtcNow < deadline);
        Assert.Equal("finished", status["status"]!.GetValue<string>());
    }
}

/// <summary>Issue 11 item 7: the orphan sweeper re-queued a job that was only waiting in the queue, once per sweep.</summary>
public sealed class OrphanSweepQueueTests(OneWorkerFactory factory) : IClassFixture<OneWorkerFactory>
{
    [Fact]
    public async Task The_orphan_sweeper_never_queues_again_a_job_that_is_still_waiting_in_the_queue()
    {
        var client = factory.ClientFor("sweep-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.Accepted, (await client.RunAsync(attempt, "BLOCK")).StatusCode); // the only worker
        await Task.Delay(300, ct);
        var other = factory.ClientFor("sweep-other-" + Guid.NewGuid());                                 // one in flight per user
        var waiting = await other.RunAsync(await other.NewAttemptAsync(), "x");                          // waits in the queue
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        var waitingId = (await waiting.Json200())["run_id"]!.GetValue<Guid>();
        using (var scope = factory.Services.CreateScope())
        {
            // Old enough to look orphaned.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Submissions.SingleAsync(s => s.Id == waitingId, ct);
            row.CreatedAt = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync(ct);
        }

        var sweeper = factory.Services.GetRequiredService<OrphanedJobSweeper>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await sweeper.SweepAsync(ct)).Requeued);
        }

        factory.Judge.Release(1);
        Assert.Equal("finished", (await other.WaitForResultAsync(waitingId, ct))["status"]!.GetValue<string>());
    }
}

public sealed class ServiceSurfaceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Health_openapi_the_reference_and_the_web_notice_are_served_without_a_token()
    {
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", ct)).StatusCode);
        var openapi = await client.GetStringAsync("/openapi/v1.json", ct);
        Assert.Contains("/api/coding/run", openapi);
        Assert.Contains("attempt_id", openapi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/", ct)).StatusCode);
        Assert.Contains("not built", await client.GetStringAsync("/", ct));
        // With JWT_SECRET set there is no sign-in endpoint.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/dev/token", new { user_id = "x", role = "admin" }, ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.Token("eve", "admin", "another-secret-another-secret-another-secret-1234"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/problems", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class DevModeTests(DevModeFactory factory) : IClassFixture<DevModeFactory>
{
    [Fact]
    public async Task Without_jwt_secret_the_dev_sign_in_issues_working_tokens()
    {
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var token = await (await client.PostAsJsonAsync("/api/dev/token", new { user_id = "dev-user", role = "candidate" }, ct)).Json200();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/problems", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().PostAsJsonAsync("/api/dev/token", new { user_id = "", role = "root" }, ct)).StatusCode);
        // A token from the host app's (unknown) secret does not pass in development mode.
        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.Token("x", "admin"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/problems", ct)).StatusCode);
    }
}
