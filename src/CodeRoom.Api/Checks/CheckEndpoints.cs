using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Judge;
using CodeRoom.Judge.Checking;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Checks;

public sealed record CheckRequest(Guid? AttemptId, string? ProblemId, string? Language, string? Code);

/// <summary>Lines and columns are 1-based in the candidate's file; the end is exclusive. Severity: error | warning | info.</summary>
public sealed record DiagnosticResponse(int Line, int Column, int EndLine, int EndColumn, string Severity, string Message);

/// <summary>complete is false when the compiler was stopped by the check's CPU budget; message then says so.</summary>
public sealed record CheckResponse(IReadOnlyList<DiagnosticResponse> Diagnostics, bool Complete, string? Message);

/// <summary>
/// Live diagnostics for compiled languages (issue 15): the compiler's syntax-and-type pass in the sandbox, against the
/// judge's harness. Its own per-user rate limit ("check"), never the run limit; nothing is stored.
/// </summary>
public static class CheckEndpoints
{
    public const string RateLimitPolicy = "check";

    public static RouteGroupBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coding").RequireAuthorization().RequireRateLimiting(RateLimitPolicy).WithTags("Coding");
        group.MapPost("/check", Check);
        return group;
    }

    private static async Task<Results<Ok<CheckResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Check(
        CheckRequest request, HttpContext http, AppDbContext db, ProblemStore problems, IEditorTools editor,
        IOptions<RequestLimitsOptions> limits, CancellationToken cancellationToken)
    {
        var errors = EditorRequest.Validate(request.AttemptId, request.Language, request.Code, limits.Value, out var language);
        if (string.IsNullOrWhiteSpace(request.ProblemId) || request.ProblemId.Length > 80)
        {
            errors["problem_id"] = ["is required (the problem's slug)"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await EditorRequest.OwnsAttemptAsync(db, http, request.AttemptId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var problemId = await db.Problems.AsNoTracking().Where(p => p.Slug == request.ProblemId).Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (problemId is null || await problems.GetAsync(db, problemId.Value, cancellationToken) is not { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["problem_id"] = ["unknown problem"] });
        }
        // Here, or on a runner when this instance judges nothing (RABBITMQ_URL): no runner in time is a 503.
        var result = await editor.CheckAsync(problem.Signature, language, request.Code!, cancellationToken);
        if (result is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["language"] = [$"{language.WireName()} is checked in the browser, not by the server"],
            });
        }
        return TypedResults.Ok(new CheckResponse(
            [.. result.Diagnostics.Select(d => new DiagnosticResponse(d.Line, d.Column, d.EndLine, d.EndColumn, d.Severity, d.Message))],
            result.Complete, result.Message));
    }
}
