using CodeRoom.Api.Auth;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.RateLimiting;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Attempts;

public sealed record CreateAttemptRequest(string? InterviewId);

/// <summary>interview_bound: the interview came from the candidate's token (its interview_id claim), so that
/// interview's interviewers may watch the attempt; an interview_id from the body alone is a label nobody can watch by.</summary>
public sealed record AttemptResponse(Guid AttemptId, string? InterviewId, bool InterviewBound, string UserId, DateTimeOffset CreatedAt)
{
    internal static AttemptResponse Of(AttemptEntity a) => new(a.Id, a.InterviewId, a.InterviewBound, a.UserId, a.CreatedAt);
}

public static class AttemptEndpoints
{
    public static RouteGroupBuilder MapAttempts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/attempts").RequireAuthorization().WithTags("Attempts");
        group.MapPost("/", Create).RequireRateLimiting(UserRateLimit.Attempts);
        group.MapGet("/{id}", Get);
        return group;
    }

    private static async Task<Results<Created<AttemptResponse>, ValidationProblem, ProblemHttpResult>> Create(CreateAttemptRequest request,
        HttpContext http, AppDbContext db, TimeProvider time, IOptions<AttemptLimitOptions> limits, CancellationToken cancellationToken)
    {
        if (request.InterviewId is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["interview_id"] = ["at most 200 characters"] });
        }
        // Issue 16: an attempt is watchable only by the interview its candidate's signed token names. A body value alone
        // is kept as a label: a candidate cannot put their attempt in front of another interview's interviewer.
        var claimed = Interviews.Of(http.User);
        var interviewId = request.InterviewId;
        var bound = false;
        if (claimed.Count > 0)
        {
            if (interviewId is null && claimed.Count == 1)
            {
                interviewId = claimed[0];
            }
            if (interviewId is null || !claimed.Contains(interviewId, StringComparer.Ordinal))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["interview_id"] = ["must be one of the interviews named in the token's interview_id claims"],
                });
            }
            bound = true;
        }
        var userId = http.User.UserId();
        // Checked before the insert: requests racing each other can pass the quota by the number in flight, which the
        // rate limit keeps small.
        var max = limits.Value.MaxAttemptsPerUser;
        if (await db.Attempts.CountAsync(a => a.UserId == userId, cancellationToken) >= max)
        {
            return Quotas.Exceeded(Quotas.AttemptsPerUser, max, "Attempt quota reached",
                $"A user may own at most {max} attempts; this user has reached that quota.");
        }
        var attempt = new AttemptEntity
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserId = userId,
            InterviewId = interviewId,
            InterviewBound = bound,
            CreatedAt = time.GetUtcNow(),
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/attempts/{attempt.Id}", AttemptResponse.Of(attempt));
    }

    private static async Task<Results<Ok<AttemptResponse>, NotFound>> Get(string id, HttpContext http, AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var attemptId))
        {
            return TypedResults.NotFound();
        }
        var userId = http.User.UserId();
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, cancellationToken);
        return attempt is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(AttemptResponse.Of(attempt));
    }
}
