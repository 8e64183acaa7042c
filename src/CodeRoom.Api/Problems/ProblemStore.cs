using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Api.Problems;

/// <summary>Maps problems between the contract (<see cref="ProblemDefinition"/>/<see cref="Problem"/>) and the
/// problems/tests tables, and keeps validated problems in memory per revision.</summary>
public sealed class ProblemStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<int, (int Revision, Problem Problem)> _cache = new();

    public async Task<Problem?> GetAsync(AppDbContext db, int problemId, CancellationToken cancellationToken)
    {
        var revision = await db.Problems.AsNoTracking().Where(p => p.Id == problemId).Select(p => (int?)p.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        if (revision is null)
        {
            return null;
        }
        if (_cache.TryGetValue(problemId, out var hit) && hit.Revision == revision)
        {
            return hit.Problem;
        }
        var entity = await db.Problems.AsNoTracking().Include(p => p.Tests).AsSplitQuery()
            .FirstAsync(p => p.Id == problemId, cancellationToken);
        var (problem, errors) = ProblemValidator.Validate(ToDefinition(entity, includeTests: true));
        if (problem is null)
        {
            // Only validated problems are stored, so this is corruption or a validator change: our failure.
            throw new InvalidOperationException($"stored problem {entity.Slug} no longer validates: {string.Join("; ", errors)}");
        }
        _cache[problemId] = (entity.Revision, problem);
        return problem;
    }

    public static ProblemDefinition ToDefinition(ProblemEntity entity, bool includeTests) => new()
    {
        Slug = entity.Slug,
        Title = entity.Title,
        Difficulty = entity.Difficulty,
        StatementMd = entity.StatementMd,
        ConstraintsMd = entity.ConstraintsMd,
        Topics = JsonSerializer.Deserialize<List<string>>(entity.TopicsJson, ContractJson.Options),
        Signature = JsonSerializer.Deserialize<SignatureDefinition>(entity.SignatureJson, ContractJson.Options),
        Compare = JsonSerializer.Deserialize<CompareDefinition>(entity.CompareJson, ContractJson.Options),
        Limits = new LimitsDefinition { TimeLimitMs = entity.TimeLimitMs, MemoryLimitMb = entity.MemoryLimitMb },
        ReferenceSolutions = includeTests
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(entity.ReferenceSolutionsJson, ContractJson.Options)
            : null,
        Tests = includeTests
            ? entity.Tests.OrderBy(t => t.Ordinal).Select(t => new TestDefinition
            {
                Visibility = t.Visibility,
                Input = JsonNode.Parse(t.InputJson)!.AsObject(),
                Expected = t.ExpectedJson is null ? null : JsonNode.Parse(t.ExpectedJson),
                Tolerance = t.ToleranceJson is null ? null : JsonSerializer.Deserialize<ToleranceDefinition>(t.ToleranceJson, ContractJson.Options),
                TimeoutMs = t.TimeoutMs,
                Category = t.Category,
            }).ToList()
            : null,
    };

    /// <summary>Creates or replaces the problem with this slug (tests replaced whole). Returns true when created.</summary>
    public async Task<bool> UpsertAsync(AppDbContext db, ProblemDefinition definition, Problem problem,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entity = await db.Problems.Include(p => p.Tests).FirstOrDefaultAsync(p => p.Slug == problem.Slug, cancellationToken);
        var created = entity is null;
        if (entity is null)
        {
            entity = new ProblemEntity { Slug = problem.Slug, Title = "", Difficulty = "", SignatureJson = "", CompareJson = "", CreatedAt = now };
            db.Problems.Add(entity);
        }
        else
        {
            db.Tests.RemoveRange(entity.Tests);
            entity.Tests.Clear();
        }
        entity.Title = problem.Title;
        entity.Difficulty = problem.Difficulty;
        entity.StatementMd = problem.StatementMd;
        entity.ConstraintsMd = problem.ConstraintsMd;
        entity.TopicsJson = JsonSerializer.Serialize(problem.Topics, ContractJson.Options);
        entity.SignatureJson = JsonSerializer.Serialize(definition.Signature, ContractJson.Options);
        entity.CompareJson = JsonSerializer.Serialize(definition.Compare ?? new CompareDefinition(), ContractJson.Options);
        entity.TimeLimitMs = problem.Limits.TimeLimitMs;
        entity.MemoryLimitMb = problem.Limits.MemoryLimitMb;
        entity.ReferenceSolutionsJson = JsonSerializer.Serialize(
            problem.ReferenceSolutions.ToDictionary(kv => kv.Key.WireName(), kv => kv.Value), ContractJson.Options);
        entity.Revision++;
        entity.UpdatedAt = now;
        foreach (var test in problem.Tests)
        {
            entity.Tests.Add(new TestEntity
            {
                Ordinal = test.Index,
                Visibility = test.Visibility == TestVisibility.Public ? "public" : "hidden",
                InputJson = test.Input.ToJsonString(),
                ExpectedJson = test.Expected?.ToJsonString(),
                ToleranceJson = test.Tolerance is null ? null
                    : JsonSerializer.Serialize(new ToleranceDefinition { AbsTol = test.Tolerance.AbsTol, RelTol = test.Tolerance.RelTol }, ContractJson.Options),
                TimeoutMs = test.TimeoutMs,
                Category = test.Category,
            });
        }
        // Deleting and re-inserting tests with the same (problem, ordinal) in one SaveChanges is ordered by EF
        // (deletes first), so the unique index holds.
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
