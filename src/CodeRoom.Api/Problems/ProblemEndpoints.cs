using System.Text.Json.Nodes;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Api.Problems;

public sealed record ProblemSummaryResponse(string Slug, string Title, string Difficulty, IReadOnlyList<string> Topics);

public sealed record ParamResponse(string Name, string Type);

public sealed record SignatureResponse(string FunctionName, IReadOnlyDictionary<string, string> FunctionNames,
    IReadOnlyList<ParamResponse> Params, string ReturnType, string? OutputParam);

public sealed record ExampleResponse(JsonObject Input, JsonNode? Expected, string? Category);

public sealed record LimitsResponse(int TimeLimitMs, int MemoryLimitMb);

public sealed record ProblemResponse(string Slug, string Title, string Difficulty, IReadOnlyList<string> Topics,
    string StatementMd, string ConstraintsMd, SignatureResponse Signature, string CompareMode, LimitsResponse Limits,
    IReadOnlyList<ExampleResponse> Examples, IReadOnlyList<string> Languages, IReadOnlyDictionary<string, string> StarterCode);

/// <summary>What a candidate may read: statement, constraints, public examples, signature and starter code.
/// Hidden tests and reference solutions never appear here.</summary>
public static class ProblemEndpoints
{
    public static RouteGroupBuilder MapProblems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/problems").RequireAuthorization().WithTags("Problems");
        group.MapGet("/", List);
        group.MapGet("/{slug}", Get);
        return group;
    }

    private static async Task<Ok<List<ProblemSummaryResponse>>> List(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Problems.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.Title, p.Difficulty, p.TopicsJson }).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(p => new ProblemSummaryResponse(p.Slug, p.Title, p.Difficulty,
            System.Text.Json.JsonSerializer.Deserialize<List<string>>(p.TopicsJson) ?? [])).ToList());
    }

    private static async Task<Results<Ok<ProblemResponse>, NotFound>> Get(string slug, AppDbContext db, ProblemStore store,
        ICodeJudge judge, CancellationToken cancellationToken)
    {
        var id = await db.Problems.AsNoTracking().Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await store.GetAsync(db, id.Value, cancellationToken) is not { } problem)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(ToResponse(problem, judge));
    }

    internal static ProblemResponse ToResponse(Problem problem, ICodeJudge judge)
    {
        var s = problem.Signature;
        var signature = new SignatureResponse(s.FunctionName,
            LanguageIds.All.ToDictionary(l => l.WireName(), s.FunctionNameFor),
            s.Params.Select(p => new ParamResponse(p.Name, p.Type.ToString())).ToList(), s.ReturnType.ToString(), s.OutputParam);
        return new ProblemResponse(problem.Slug, problem.Title, problem.Difficulty, problem.Topics, problem.StatementMd,
            problem.ConstraintsMd, signature, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(problem.Compare.Mode.ToString()),
            new LimitsResponse(problem.Limits.TimeLimitMs, problem.Limits.MemoryLimitMb),
            problem.PublicTests.Select(t => new ExampleResponse(t.Input, t.Expected, t.Category)).ToList(),
            LanguageIds.All.Select(l => l.WireName()).ToList(),
            LanguageIds.All.ToDictionary(l => l.WireName(), l => judge.StarterCode(s, l)));
    }
}
