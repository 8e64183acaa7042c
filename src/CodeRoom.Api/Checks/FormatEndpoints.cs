using System.Text.Json.Serialization;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Formatting;
using CodeRoom.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Checks;

/// <summary>problem_id is optional: a formatter needs no harness.</summary>
public sealed record FormatRequest(Guid? AttemptId, string? ProblemId, string? Language, string? Code);

/// <summary>formatted is the whole formatted code, or null when the code was left as it is; message then says why
/// (for code that does not parse, the formatter's first error, in the candidate's lines).</summary>
public sealed record FormatResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Formatted,
    string? Message);

/// <summary>
/// The editor's Format on the server (issue 15), only for languages with no formatter in the browser (Rust's rustfmt):
/// in the sandbox, under the live check's CPU budget and its per-user rate limit ("check"), never the run limit.
/// Nothing is stored.
/// </summary>
public static class FormatEndpoints
{
    public static RouteGroupBuilder MapFormatting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coding").RequireAuthorization().RequireRateLimiting(CheckEndpoints.RateLimitPolicy).WithTags("Coding");
        group.MapPost("/format", Format);
        return group;
    }

    private static async Task<Results<Ok<FormatResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Format(
        FormatRequest request, HttpContext http, AppDbContext db, CodeFormatter formatter, IEditorTools editor,
        IOptions<RequestLimitsOptions> limits, CancellationToken cancellationToken)
    {
        var errors = EditorRequest.Validate(request.AttemptId, request.Language, request.Code, limits.Value, out var language);
        if (request.ProblemId is { Length: > 80 })
        {
            errors["problem_id"] = ["is at most 80 characters (the problem's slug)"];
        }
        if (errors.Count == 0 && !formatter.Formats(language))
        {
            errors["language"] = [$"{language.WireName()} is formatted in the browser, not by the server"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await EditorRequest.OwnsAttemptAsync(db, http, request.AttemptId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        // Here, or on a runner when this instance judges nothing (RABBITMQ_URL): the formatter reads hostile text, so only
        // ever in a sandbox. No runner in time is a 503.
        var result = await editor.FormatAsync(language, request.Code!, cancellationToken);
        return TypedResults.Ok(new FormatResponse(result?.Formatted, result?.Message));
    }
}
