using System.Text.Json;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Problems;

public sealed record ProblemSavedResponse(string Slug, bool Created, int Tests, int HiddenTests, IReadOnlyList<string> VerifiedLanguages);

/// <summary>Authoring, admins only: the problem contract of the judge engine (docs/problem-format.md), hidden tests
/// included.</summary>
public static class AdminProblemEndpoints
{
    public static RouteGroupBuilder MapAdminProblems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/problems").RequireAuthorization(AuthSetup.AdminPolicy).WithTags("Admin");
        group.MapPut("/{slug}", Put);
        group.MapGet("/{slug}", Get);
        return group;
    }

    private static async Task<Results<Ok<JsonElement>, NotFound>> Get(string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var entity = await db.Problems.AsNoTracking().Include(p => p.Tests).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (entity is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(JsonSerializer.SerializeToElement(ProblemStore.ToDefinition(entity, includeTests: true), ContractJson.Options));
    }

    private static async Task<Results<Ok<ProblemSavedResponse>, Created<ProblemSavedResponse>, ValidationProblem>> Put(
        string slug, ProblemDefinition definition, AppDbContext db, ProblemStore store, IReferenceVerifier verifier,
        IOptions<ContentOptions> content, CancellationToken cancellationToken)
    {
        if (definition.Slug is not null && definition.Slug != slug)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["slug"] = ["does not match the slug in the path"] });
        }
        definition = definition with { Slug = slug };
        var (problem, messages) = ProblemValidator.Validate(definition);
        if (problem is null)
        {
            return TypedResults.ValidationProblem(ToErrors(messages));
        }

        var verified = new List<string>();
        if (content.Value.VerifyReferenceSolutions)
        {
            // Embedded: judged here; fleet: by a runner over the broker, with a bounded wait (503 when none answers).
            var checks = await verifier.VerifyAsync(definition, problem, cancellationToken);
            var errors = checks.Where(c => !c.Accepted)
                .ToDictionary(c => $"reference_solutions.{c.Language}", c => new[] { c.Detail ?? "not accepted" });
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            verified.AddRange(checks.Select(c => c.Language));
        }

        var created = await store.UpsertAsync(db, definition, problem, cancellationToken);
        var response = new ProblemSavedResponse(problem.Slug, created, problem.Tests.Count,
            problem.Tests.Count(t => t.Visibility == TestVisibility.Hidden), verified);
        return created ? TypedResults.Created($"/api/problems/{problem.Slug}", response) : TypedResults.Ok(response);
    }

    /// <summary>Validator messages name their field before the first colon ("tests[3].input.nums (integer[]): ...").</summary>
    internal static Dictionary<string, string[]> ToErrors(IEnumerable<string> messages)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var message in messages)
        {
            var colon = message.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? message[..colon].Split(' ')[0] : "problem";
            errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
        }
        return errors;
    }
}
