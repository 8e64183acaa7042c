using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Judging;
using CodeRoom.Api.Problems;
using CodeRoom.Api.RateLimiting;
using CodeRoom.Dispatch;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Runs;

public sealed record RunRequest(Guid? AttemptId, string? ProblemId, string? Language, string? Code, JsonArray? CustomInputs);

public sealed record SubmitRequest(Guid? AttemptId, string? ProblemId, string? Language, string? Code);

/// <summary>Run (public tests or custom inputs, with per-test detail), submit (all tests, summary only) and status.
/// Both enqueue a job, wait briefly for it, and otherwise answer 202 with the id to poll.</summary>
public static class CodingEndpoints
{
    public const string RateLimitPolicy = "judge";

    public static RouteGroupBuilder MapCoding(this IEndpointRouteBuilder app)
    {
        var judged = app.MapGroup("/api/coding").RequireAuthorization().RequireRateLimiting(RateLimitPolicy).WithTags("Coding");
        judged.MapPost("/run", Run);
        judged.MapPost("/submit", Submit);

        var group = app.MapGroup("/api/coding").RequireAuthorization().WithTags("Coding");
        group.MapGet("/status", Status);
        return group;
    }

    private static Task<Results<Ok<CodingResultResponse>, Accepted<CodingResultResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Run(
        RunRequest request, HttpContext http, AppDbContext db, ProblemStore problems, IJudgeDispatcher dispatcher, JudgeCompletions completions, Room.RoomResults room, TimeProvider time,
        IOptions<RequestLimitsOptions> limits, IOptions<JudgeQueueOptions> queueOptions, CancellationToken cancellationToken) =>
        EnqueueAsync(new Target(request.AttemptId, request.ProblemId, request.Language, request.Code, request.CustomInputs, SubmissionModes.Run),
            http, db, problems, dispatcher, completions, room, time, limits.Value, queueOptions.Value, cancellationToken);

    private static Task<Results<Ok<CodingResultResponse>, Accepted<CodingResultResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(
        SubmitRequest request, HttpContext http, AppDbContext db, ProblemStore problems, IJudgeDispatcher dispatcher, JudgeCompletions completions, Room.RoomResults room, TimeProvider time,
        IOptions<RequestLimitsOptions> limits, IOptions<JudgeQueueOptions> queueOptions, CancellationToken cancellationToken) =>
        EnqueueAsync(new Target(request.AttemptId, request.ProblemId, request.Language, request.Code, null, SubmissionModes.Submit),
            http, db, problems, dispatcher, completions, room, time, limits.Value, queueOptions.Value, cancellationToken);

    private sealed record Target(Guid? AttemptId, string? ProblemId, string? Language, string? Code, JsonArray? CustomInputs, string Mode);

    private static async Task<Results<Ok<CodingResultResponse>, Accepted<CodingResultResponse>, ValidationProblem, NotFound, ProblemHttpResult>> EnqueueAsync(
        Target target, HttpContext http, AppDbContext db, ProblemStore problems, IJudgeDispatcher dispatcher, JudgeCompletions completions, Room.RoomResults room, TimeProvider time,
        RequestLimitsOptions limits, JudgeQueueOptions queueOptions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (target.AttemptId is null || target.AttemptId == Guid.Empty)
        {
            errors["attempt_id"] = ["is required"];
        }
        if (string.IsNullOrWhiteSpace(target.ProblemId) || target.ProblemId.Length > 80)
        {
            errors["problem_id"] = ["is required (the problem's slug)"];
        }
        if (!LanguageIds.TryParse(target.Language, out var language))
        {
            errors["language"] = ["must be " + LanguageIds.Listed];
        }
        if (target.Code is null)
        {
            errors["code"] = ["is required"];
        }
        else if (Encoding.UTF8.GetByteCount(target.Code) > limits.MaxCodeBytes)
        {
            errors["code"] = [$"is larger than {limits.MaxCodeBytes} bytes"];
        }
        if (target.CustomInputs is { } inputs && inputs.Count > limits.MaxCustomInputs)
        {
            errors["custom_inputs"] = [$"at most {limits.MaxCustomInputs} inputs"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = http.User.UserId();
        var attempt = await db.Attempts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == target.AttemptId && a.UserId == userId, cancellationToken);
        if (attempt is null)
        {
            return TypedResults.NotFound();
        }
        var problemRow = await db.Problems.AsNoTracking().Where(p => p.Slug == target.ProblemId)
            .Select(p => new { p.Id, p.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (problemRow is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["problem_id"] = ["unknown problem"] });
        }

        var kept = await db.Submissions.CountAsync(s => s.AttemptId == attempt.Id, cancellationToken);
        if (kept >= limits.MaxSubmissionsPerAttempt)
        {
            return Quotas.Exceeded(Quotas.SubmissionsPerAttempt, limits.MaxSubmissionsPerAttempt, "Run quota reached",
                $"This attempt already has {kept} runs and submissions, the most one attempt may keep.");
        }

        var inFlight = await db.Submissions.CountAsync(s => s.UserId == userId
            && (s.Status == SubmissionStatuses.Queued || s.Status == SubmissionStatuses.Running), cancellationToken);
        if (inFlight >= queueOptions.MaxInFlightPerUser)
        {
            // Fairness: one user's slow runs hold at most this many judge slots, each for at most the run's cap.
            http.Response.Headers.RetryAfter = queueOptions.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Runs still being judged",
                detail: $"You have {inFlight} runs or submissions being judged; wait for one to finish.");
        }

        // The job judges the problem as it is now, even if an admin edits it before a runner gets to it (issue 12).
        var problem = await problems.GetSnapshotAsync(db, problemRow.Id, cancellationToken)
            ?? throw new InvalidOperationException("the problem vanished while queuing");
        string? customJson = null;
        if (target.CustomInputs is { Count: > 0 } custom)
        {
            var inputErrors = ValidateCustomInputs(custom, problem.Problem.Signature);
            if (inputErrors.Count > 0)
            {
                return TypedResults.ValidationProblem(inputErrors);
            }
            customJson = custom.ToJsonString();
        }

        var submission = new SubmissionEntity
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            AttemptId = attempt.Id,
            ProblemId = problemRow.Id,
            UserId = userId,
            Language = language.WireName(),
            CodeText = target.Code!,
            Mode = target.Mode,
            Status = SubmissionStatuses.Queued,
            CustomInputsJson = customJson,
            CreatedAt = time.GetUtcNow(),
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);

        // Watch before publishing: a fast judge may finish before the publish call returns.
        var completion = completions.Watch(submission.Id);
        try
        {
            var dispatched = await dispatcher.PublishAsync(new JudgeJob(submission.Id, problem), cancellationToken);
            if (dispatched != DispatchOutcome.Accepted)
            {
                // Nobody will judge it: say so in the row too, so polling the id answers "failed", not "queued" forever.
                var full = dispatched == DispatchOutcome.QueueFull;
                await JudgeJobProcessor.MarkFailedAsync(db, submission.Id,
                    full ? "the judge queue was full" : "the judge queue was unreachable", time.GetUtcNow(), null, cancellationToken);
                http.Response.Headers.RetryAfter = queueOptions.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return full
                    ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The judge queue is full",
                        detail: "Too many runs are waiting; try again shortly.")
                    : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The judge is unavailable",
                        detail: "Code cannot be judged right now; try again shortly.");
            }
            await completion.WaitAsync(TimeSpan.FromSeconds(queueOptions.WaitSeconds), time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still queued or running: the client polls /api/coding/status.
        }
        finally
        {
            completions.Forget(submission.Id);
        }

        var stored = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submission.Id, cancellationToken);
        CodeRoom.Dispatch.Telemetry.RunTelemetry.TagRequest(stored.Verdict, stored.Status);
        var response = await ToResponseAsync(db, stored, problemRow.Slug, cancellationToken);
        await room.RecordAsync(db, stored, response, cancellationToken);
        return stored.Status is SubmissionStatuses.Finished or SubmissionStatuses.Failed
            ? TypedResults.Ok(response)
            : TypedResults.Accepted($"/api/coding/status?id={stored.Id}", response);
    }

    internal static Dictionary<string, string[]> ValidateCustomInputs(JsonArray inputs, Signature signature)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not JsonObject input)
            {
                errors[$"custom_inputs[{i}]"] = ["must be an object with one entry per parameter"];
                continue;
            }
            var messages = new List<string>();
            ProblemValidator.ValidateTest(new TestDefinition { Visibility = "public", Input = input.DeepClone().AsObject() },
                i, signature, messages, requireExpected: false);
            foreach (var message in messages)
            {
                var text = message.StartsWith("tests[", StringComparison.Ordinal) ? "custom_inputs[" + message["tests[".Length..] : message;
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var key = colon > 0 ? text[..colon].Split(' ')[0] : $"custom_inputs[{i}]";
                errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, text] : [text];
            }
        }
        return errors;
    }

    private static async Task<Results<Ok<CodingResultResponse>, ValidationProblem, NotFound>> Status(
        string? id, HttpContext http, AppDbContext db, Room.RoomResults room, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var submissionId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["must be a run_id or submission_id"] });
        }
        var userId = http.User.UserId();
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId && s.UserId == userId)
            .Select(s => new { Submission = s, s.Problem!.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var response = await ToResponseAsync(db, row.Submission, row.Slug, cancellationToken);
        // A result that came after the run's answer (202): the first poll that sees it records it in the room.
        await room.RecordAsync(db, row.Submission, response, cancellationToken);
        return TypedResults.Ok(response);
    }

    internal static async Task<CodingResultResponse> ToResponseAsync(AppDbContext db, SubmissionEntity s, string slug,
        CancellationToken cancellationToken)
    {
        var isRun = s.Mode == SubmissionModes.Run;
        string? compileOutput = null;
        if (s.Verdict == "compilation_error")
        {
            compileOutput = await db.RunLogs.AsNoTracking().Where(l => l.SubmissionId == s.Id).Select(l => l.CompileOutput)
                .FirstOrDefaultAsync(cancellationToken);
        }
        return new CodingResultResponse
        {
            Id = s.Id,
            Mode = s.Mode,
            Status = s.Status,
            RunId = isRun ? s.Id : null,
            SubmissionId = isRun ? null : s.Id,
            ProblemId = slug,
            Language = s.Language,
            Summary = s.SummaryJson is null ? null : JsonSerializer.Deserialize<SummaryResponse>(s.SummaryJson, JudgeJobProcessor.WireJson),
            Results = isRun && s.ResultsJson is not null
                ? JsonSerializer.Deserialize<List<TestResultResponse>>(s.ResultsJson, JudgeJobProcessor.WireJson)
                : null,
            CompileOutput = compileOutput,
            Error = s.Status == SubmissionStatuses.Failed ? "judging failed on our side (not a verdict); please try again" : null,
        };
    }
}
