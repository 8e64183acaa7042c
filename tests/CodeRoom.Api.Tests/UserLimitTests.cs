using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Api.Tests;

/// <summary>Tight per-user rates on new attempts (3) and draft saves (4); quotas at their defaults.</summary>
public class TightUserRateFactory : ApiFactory
{
    protected override void Configure()
    {
        Settings["AttemptLimits:PermitsPerWindow"] = "3";
        Settings["DraftLimits:PermitsPerWindow"] = "4";
    }
}

/// <summary>Small quotas (3 attempts per user, 2 drafts per attempt, 3 drafts per user, 2 runs per attempt); rates out
/// of the way.</summary>
public class SmallQuotaFactory : ApiFactory
{
    protected override void Configure()
    {
        Settings["AttemptLimits:MaxAttemptsPerUser"] = "3";
        Settings["DraftLimits:MaxDraftsPerAttempt"] = "2";
        Settings["DraftLimits:MaxDraftsPerUser"] = "3";
        Settings["Limits:MaxSubmissionsPerAttempt"] = "2";
    }
}

public sealed class PostgresSmallQuotaFactory : SmallQuotaFactory
{
    protected override bool UsePostgres => true;
}

public sealed class RedisUserRateFactory(string prefix) : ApiFactory
{
    protected override void Configure()
    {
        Settings["REDIS_URL"] = TestServers.RedisUrl;
        Settings["RateLimit:RedisKeyPrefix"] = prefix;
        Settings["AttemptLimits:PermitsPerWindow"] = "3";
        Settings["DraftLimits:PermitsPerWindow"] = "4";
    }
}

internal static class UserLimitHttp
{
    public static Task<HttpResponseMessage> NewAttemptRawAsync(this HttpClient client) =>
        client.PostAsJsonAsync("/api/attempts", new { interview_id = "interview-1" });

    public static Task<HttpResponseMessage> SaveDraftAsync(this HttpClient client, Guid attempt, string language = "python", string code = "x") =>
        client.PutAsJsonAsync("/api/coding/drafts", new { attempt_id = attempt, problem_id = "add-two", language, code });

    public static async Task<JsonObject> AssertRateLimitedAsync(HttpResponseMessage response, string title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {body}");
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        return problem;
    }

    public static async Task AssertQuotaAsync(HttpResponseMessage response, string quota, int limit)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {body}");
        Assert.Null(response.Headers.RetryAfter); // waiting does not help
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal(quota, problem["quota"]!.GetValue<string>());
        Assert.Equal(limit, problem["limit"]!.GetValue<int>());
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem["detail"]!.GetValue<string>());
    }
}

public sealed class UserRateLimitTests(TightUserRateFactory factory) : IClassFixture<TightUserRateFactory>
{
    [Fact]
    public async Task The_fourth_new_attempt_in_a_window_answers_429_with_retry_after_and_other_users_are_unaffected()
    {
        var client = factory.ClientFor("attempt-rate-" + Guid.NewGuid());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.NewAttemptRawAsync()).StatusCode);
        }
        var problem = await UserLimitHttp.AssertRateLimitedAsync(await client.NewAttemptRawAsync(), "Too many new attempts");
        Assert.Contains("3 new attempts per 60 seconds", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.NewAttemptRawAsync()).StatusCode);

        // Another user has a window of their own.
        var other = factory.ClientFor("attempt-rate-other-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Created, (await other.NewAttemptRawAsync()).StatusCode);
    }

    [Fact]
    public async Task The_fifth_draft_save_in_a_window_answers_429_with_retry_after_reads_and_other_users_are_unaffected()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.ClientFor("draft-rate-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(attempt, code: $"v{i}")).StatusCode);
        }
        var problem = await UserLimitHttp.AssertRateLimitedAsync(await client.SaveDraftAsync(attempt, code: "v4"), "Too many draft saves");
        Assert.Contains("4 draft saves per 60 seconds", problem["detail"]!.GetValue<string>());

        // Reading is not limited, the refused save did not land, and run/submit have their own window.
        var draft = await (await client.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language=python", ct)).Json200();
        Assert.Equal("v3", draft["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.RunAsync(attempt, "x")).StatusCode);

        var other = factory.ClientFor("draft-rate-other-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await other.SaveDraftAsync(await other.NewAttemptAsync())).StatusCode);
    }
}

public abstract class QuotaTests<TFactory>(TFactory factory) where TFactory : SmallQuotaFactory
{
    [Fact]
    public async Task A_user_at_the_attempt_quota_gets_429_without_retry_after_and_other_users_are_unaffected()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.ClientFor("attempt-quota-" + Guid.NewGuid());
        var attempts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await client.NewAttemptAsync());
        }
        await UserLimitHttp.AssertQuotaAsync(await client.NewAttemptRawAsync(), "attempts_per_user", 3);
        await UserLimitHttp.AssertQuotaAsync(await client.NewAttemptRawAsync(), "attempts_per_user", 3);

        // The existing attempts still work; another user is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/attempts/{attempts[0]}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(attempts[2])).StatusCode);
        var other = factory.ClientFor("attempt-quota-other-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Created, (await other.NewAttemptRawAsync()).StatusCode);
    }

    [Fact]
    public async Task Drafts_are_bounded_per_attempt_and_per_user_while_existing_drafts_can_still_be_saved()
    {
        var client = factory.ClientFor("draft-quota-" + Guid.NewGuid());
        var first = await client.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(first, "python")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(first, "java")).StatusCode);
        await UserLimitHttp.AssertQuotaAsync(await client.SaveDraftAsync(first, "cpp"), "drafts_per_attempt", 2);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(first, "java", "updated")).StatusCode);

        var second = await client.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(second, "cpp")).StatusCode);
        await UserLimitHttp.AssertQuotaAsync(await client.SaveDraftAsync(second, "python"), "drafts_per_user", 3);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveDraftAsync(second, "cpp", "updated")).StatusCode);

        var other = factory.ClientFor("draft-quota-other-" + Guid.NewGuid());
        var theirs = await other.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.SaveDraftAsync(theirs, "python")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.SaveDraftAsync(theirs, "java")).StatusCode);
    }

    [Fact]
    public async Task Runs_and_submissions_are_bounded_per_attempt()
    {
        var client = factory.ClientFor("run-quota-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RunAsync(attempt, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(attempt, "x")).StatusCode);
        await UserLimitHttp.AssertQuotaAsync(await client.RunAsync(attempt, "x"), "submissions_per_attempt", 2);
        // A new attempt has its own.
        Assert.Equal(HttpStatusCode.OK, (await client.RunAsync(await client.NewAttemptAsync(), "x")).StatusCode);
    }
}

public sealed class SqliteQuotaTests(SmallQuotaFactory factory) : QuotaTests<SmallQuotaFactory>(factory), IClassFixture<SmallQuotaFactory>;

public sealed class PostgresQuotaTests(PostgresSmallQuotaFactory factory)
    : QuotaTests<PostgresSmallQuotaFactory>(factory), IClassFixture<PostgresSmallQuotaFactory>;

/// <summary>Two service instances sharing one Redis: the attempt and draft windows are per user across both.</summary>
public sealed class RedisUserRateLimitTests : TwoRedisInstances<RedisUserRateFactory>
{
    protected override RedisUserRateFactory Create(string redisKeyPrefix) => new(redisKeyPrefix);

    [Fact]
    public async Task Two_instances_share_one_attempt_window_and_one_draft_window_per_user()
    {
        var user = "redis-user-" + Guid.NewGuid();
        var onA = A.ClientFor(user);
        var onB = B.ClientFor(user);

        // Each instance has its own database here, so each draft goes to an attempt made on its instance.
        var attemptA = await onA.NewAttemptAsync();
        var attemptB = await onB.NewAttemptAsync();
        Assert.Equal(HttpStatusCode.Created, (await onA.NewAttemptRawAsync()).StatusCode);
        await UserLimitHttp.AssertRateLimitedAsync(await onB.NewAttemptRawAsync(), "Too many new attempts");
        await UserLimitHttp.AssertRateLimitedAsync(await onA.NewAttemptRawAsync(), "Too many new attempts");

        // The attempt window is not the draft window, nor the run window.
        Assert.Equal(HttpStatusCode.OK, (await onA.SaveDraftAsync(attemptA, code: "1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.SaveDraftAsync(attemptB, code: "2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.SaveDraftAsync(attemptA, code: "3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.SaveDraftAsync(attemptB, code: "4")).StatusCode);
        await UserLimitHttp.AssertRateLimitedAsync(await onA.SaveDraftAsync(attemptA, code: "5"), "Too many draft saves");
        await UserLimitHttp.AssertRateLimitedAsync(await onB.SaveDraftAsync(attemptB, code: "6"), "Too many draft saves");
        Assert.Equal(HttpStatusCode.OK, (await onB.RunAsync(attemptB, "x")).StatusCode);

        // Another user has windows of their own, on either instance.
        var someoneElse = B.ClientFor("redis-other-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.SaveDraftAsync(await someoneElse.NewAttemptAsync())).StatusCode);
    }
}
