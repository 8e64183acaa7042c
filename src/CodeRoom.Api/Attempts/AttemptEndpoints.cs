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

public sealed record AttemptResponse(Guid AttemptId, string? InterviewId, DateTimeOffset CreatedAt);

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
            InterviewId = request.InterviewId,
            CreatedAt = time.GetUtcNow(),
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/attempts/{attempt.Id}", new AttemptResponse(attempt.Id, attempt.InterviewId, attempt.CreatedAt));
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
            : TypedResults.Ok(new AttemptResponse(attempt.Id, attempt.InterviewId, attempt.CreatedAt));
    }
}
