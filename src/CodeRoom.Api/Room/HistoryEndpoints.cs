using System.Text.Json.Nodes;
using CodeRoom.Api.Auth;
using CodeRoom.Storage;
using CodeRoom.Storage.History;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Api.Room;

/// <summary>One step of the history (kinds in docs/api.md): snapshot (text is the whole code), edit (replace
/// delete_count UTF-16 units at offset with text), language, run and submit (text is the judged code, result what the
/// candidate saw), truncated.</summary>
public sealed record HistoryEventResponse(long Id, DateTimeOffset At, string Kind, string ProblemId, string Language,
    int? Offset, int? DeleteCount, string? Text, JsonNode? Result);

public sealed record HistoryResponse(Guid AttemptId, string CandidateId, string? InterviewId, bool Truncated, long HistoryBytes,
    IReadOnlyList<HistoryEventResponse> Events);

/// <summary>The replay's data: the attempt's candidate or an interviewer of its interview; anybody else 404.</summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapAttemptHistory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/attempts").RequireAuthorization().WithTags("Attempts");
        group.MapGet("/{id}/history", Get);
        return group;
    }

    private static async Task<Results<Ok<HistoryResponse>, NotFound>> Get(string id, HttpContext http, AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var attemptId))
        {
            return TypedResults.NotFound();
        }
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        if (attempt is null || !Interviews.CanSee(http.User, attempt))
        {
            return TypedResults.NotFound();
        }
        var rows = await AttemptHistory.ReadAsync(db, attemptId, cancellationToken);
        return TypedResults.Ok(new HistoryResponse(attempt.Id, attempt.UserId, attempt.InterviewId, attempt.HistoryTruncated, attempt.HistoryBytes,
            [.. rows.Select(e => new HistoryEventResponse(e.Id, e.At, e.Kind, e.ProblemSlug, e.Language, e.Offset, e.DeleteCount, e.Text,
                e.ResultJson is null ? null : JsonNode.Parse(e.ResultJson)))]));
    }
}
