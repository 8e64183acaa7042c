using CodeRoom.Api.Auth;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Api.Attempts;

public sealed record CreateAttemptRequest(string? InterviewId);

public sealed record AttemptResponse(Guid AttemptId, string? InterviewId, DateTimeOffset CreatedAt);

public static class AttemptEndpoints
{
    public static RouteGroupBuilder MapAttempts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/attempts").RequireAuthorization().WithTags("Attempts");
        group.MapPost("/", Create);
        group.MapGet("/{id}", Get);
        return group;
    }

    private static async Task<Results<Created<AttemptResponse>, ValidationProblem>> Create(CreateAttemptRequest request,
        HttpContext http, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.InterviewId is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["interview_id"] = ["at most 200 characters"] });
        }
        var attempt = new AttemptEntity
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserId = http.User.UserId(),
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
