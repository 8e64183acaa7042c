using System.Text;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.RateLimiting;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Drafts;

public sealed record SaveDraftRequest(Guid? AttemptId, string? ProblemId, string? Language, string? Code);

public sealed record DraftResponse(Guid AttemptId, string ProblemId, string Language, string Code, DateTimeOffset UpdatedAt);

/// <summary>Autosave and restore, keyed by (attempt_id, problem_id, language).</summary>
public static class DraftEndpoints
{
    public static RouteGroupBuilder MapDrafts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coding/drafts").RequireAuthorization().WithTags("Drafts");
        group.MapGet("/", Get);
        group.MapPut("/", Save).RequireRateLimiting(UserRateLimit.Drafts);
        return group;
    }

    private static async Task<Results<Ok<DraftResponse>, ValidationProblem, NotFound>> Get(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "attempt_id")] string? attemptId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "problem_id")] string? problemId,
        string? language, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(attemptId, out var attempt))
        {
            errors["attempt_id"] = ["is required (an attempt id)"];
        }
        if (string.IsNullOrWhiteSpace(problemId))
        {
            errors["problem_id"] = ["is required"];
        }
        if (!LanguageIds.TryParse(language, out var lang))
        {
            errors["language"] = ["must be python, java, cpp, javascript, typescript or go"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = http.User.UserId();
        var wire = lang.WireName();
        var draft = await db.CodeDrafts.AsNoTracking()
            .Where(d => d.AttemptId == attempt && d.Attempt!.UserId == userId && d.Problem!.Slug == problemId && d.Language == wire)
            .Select(d => new DraftResponse(d.AttemptId, d.Problem!.Slug, d.Language, d.CodeText, d.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return draft is null ? TypedResults.NotFound() : TypedResults.Ok(draft);
    }

    private static async Task<Results<Ok<DraftResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Save(SaveDraftRequest request,
        HttpContext http, AppDbContext db, TimeProvider time, IOptions<RequestLimitsOptions> limits, IOptions<DraftLimitOptions> draftLimits,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.AttemptId is null || request.AttemptId == Guid.Empty)
        {
            errors["attempt_id"] = ["is required"];
        }
        if (string.IsNullOrWhiteSpace(request.ProblemId) || request.ProblemId.Length > 80)
        {
            errors["problem_id"] = ["is required (the problem's slug)"];
        }
        if (!LanguageIds.TryParse(request.Language, out var lang))
        {
            errors["language"] = ["must be python, java, cpp, javascript, typescript or go"];
        }
        if (request.Code is null)
        {
            errors["code"] = ["is required"];
        }
        else if (Encoding.UTF8.GetByteCount(request.Code) > limits.Value.MaxCodeBytes)
        {
            errors["code"] = [$"is larger than {limits.Value.MaxCodeBytes} bytes"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = http.User.UserId();
        if (!await db.Attempts.AnyAsync(a => a.Id == request.AttemptId && a.UserId == userId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var problemId = await db.Problems.Where(p => p.Slug == request.ProblemId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (problemId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["problem_id"] = ["unknown problem"] });
        }
        var wire = lang.WireName();
        var now = time.GetUtcNow();
        var draft = await db.CodeDrafts.FirstOrDefaultAsync(
            d => d.AttemptId == request.AttemptId && d.ProblemId == problemId && d.Language == wire, cancellationToken);
        if (draft is null)
        {
            // Only a new draft counts against the quotas; saving over an existing one is only rate limited.
            var quota = draftLimits.Value;
            if (await db.CodeDrafts.CountAsync(d => d.AttemptId == request.AttemptId, cancellationToken) >= quota.MaxDraftsPerAttempt)
            {
                return Quotas.Exceeded(Quotas.DraftsPerAttempt, quota.MaxDraftsPerAttempt, "Draft quota reached",
                    $"An attempt may hold at most {quota.MaxDraftsPerAttempt} drafts (one per problem and language); existing drafts can still be saved.");
            }
            if (await db.CodeDrafts.CountAsync(d => d.Attempt!.UserId == userId, cancellationToken) >= quota.MaxDraftsPerUser)
            {
                return Quotas.Exceeded(Quotas.DraftsPerUser, quota.MaxDraftsPerUser, "Draft quota reached",
                    $"A user may hold at most {quota.MaxDraftsPerUser} drafts over all attempts; existing drafts can still be saved.");
            }
            draft = new CodeDraftEntity { AttemptId = request.AttemptId!.Value, ProblemId = problemId.Value, Language = wire, CodeText = request.Code!, UpdatedAt = now };
            db.CodeDrafts.Add(draft);
        }
        else
        {
            draft.CodeText = request.Code!;
            draft.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DraftResponse(draft.AttemptId, request.ProblemId!, wire, draft.CodeText, draft.UpdatedAt));
    }
}
