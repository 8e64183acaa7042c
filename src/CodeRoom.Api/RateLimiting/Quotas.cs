using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeRoom.Api.RateLimiting;

/// <summary>Storage quotas (attempts per user, drafts per attempt and per user). Counted in the database, so every
/// instance sees the same totals. A quota reached answers 429 like a rate limit, without Retry-After: waiting does not
/// help; the problem detail says which quota and its limit.</summary>
internal static class Quotas
{
    public const string AttemptsPerUser = "attempts_per_user";
    public const string DraftsPerAttempt = "drafts_per_attempt";
    public const string DraftsPerUser = "drafts_per_user";
    public const string SubmissionsPerAttempt = "submissions_per_attempt";

    public static ProblemHttpResult Exceeded(string quota, int limit, string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["quota"] = quota, ["limit"] = limit });
}
