using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Storage.Problems;

/// <summary>Maps problems between the contract (<see cref="ProblemDefinition"/>/<see cref="Problem"/>) and the
/// problems/tests tables, and keeps validated problems in memory per revision.</summary>
public sealed class ProblemStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<int, ProblemSnapshot> _cache = new();

    public async Task<Problem?> GetAsync(AppDbContext db, int problemId, CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(db, problemId, cancellationToken))?.Problem;

    /// <summary>The problem as it is now, with the definition it was validated from: a judge job carries it, so the
    /// job judges the problem as it was when the job was created even if an admin edits it meanwhile (issue 12).</summary>
    public async Task<ProblemSnapshot?> GetSnapshotAsync(AppDbContext db, int problemId, CancellationToken cancellationToken)
    {
        var revision = await db.Problems.AsNoTracking().Where(p => p.Id == problemId).Select(p => (int?)p.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        if (revision is null)
        {
            return null;
        }
        if (_cache.TryGetValue(problemId, out var hit) && hit.Revision == revision)
        {
            return hit;
        }
        var entity = await db.Problems.AsNoTracking().Include(p => p.Tests).AsSplitQuery()
            .FirstAsync(p => p.Id == problemId, cancellationToken);
        var definition = ToDefinition(entity, includeTests: true);
        var (problem, errors) = ProblemValidator.Validate(definition);
        if (problem is null)
        {
            // Only validated problems are stored, so this is corruption or a validator change: our failure.
            throw new InvalidOperationException($"stored problem {entity.Slug} no longer validates: {string.Join("; ", errors)}");
        }
        var snapshot = new ProblemSnapshot(problemId, entity.Revision, definition, problem);
        _cache[problemId] = snapshot;
        return snapshot;
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
        CancellationToken cancellationToken) =>
        await SaveAsync(db, definition, problem, cancellationToken) == UpsertOutcome.Created;

    /// <summary>As <see cref="UpsertAsync"/>, but leaves a problem whose stored content is already identical untouched
    /// (no new revision, no rewritten tests): importing the bank at every start is then cheap and idempotent.</summary>
    public async Task<UpsertOutcome> SaveAsync(AppDbContext db, ProblemDefinition definition, Problem problem,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entity = await db.Problems.Include(p => p.Tests).FirstOrDefaultAsync(p => p.Slug == problem.Slug, cancellationToken);
        var created = entity is null;
        var incoming = ToEntity(definition, problem);
        if (entity is not null && Fingerprint(entity) == Fingerprint(incoming))
        {
            return UpsertOutcome.Unchanged;
        }
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
        entity.Title = incoming.Title;
        entity.Difficulty = incoming.Difficulty;
        entity.StatementMd = incoming.StatementMd;
        entity.ConstraintsMd = incoming.ConstraintsMd;
        entity.TopicsJson = incoming.TopicsJson;
        entity.SignatureJson = incoming.SignatureJson;
        entity.CompareJson = incoming.CompareJson;
        entity.TimeLimitMs = incoming.TimeLimitMs;
        entity.MemoryLimitMb = incoming.MemoryLimitMb;
        entity.ReferenceSolutionsJson = incoming.ReferenceSolutionsJson;
        entity.Revision++;
        entity.UpdatedAt = now;
        entity.Tests.AddRange(incoming.Tests);
        // Deleting and re-inserting tests with the same (problem, ordinal) in one SaveChanges is ordered by EF
        // (deletes first), so the unique index holds.
        await db.SaveChangesAsync(cancellationToken);
        return created ? UpsertOutcome.Created : UpsertOutcome.Updated;
    }

    private static ProblemEntity ToEntity(ProblemDefinition definition, Problem problem) => new()
    {
        Slug = problem.Slug,
        Title = problem.Title,
        Difficulty = problem.Difficulty,
        StatementMd = problem.StatementMd,
        ConstraintsMd = problem.ConstraintsMd,
        TopicsJson = JsonSerializer.Serialize(problem.Topics, ContractJson.Options),
        SignatureJson = JsonSerializer.Serialize(definition.Signature, ContractJson.Options),
        CompareJson = JsonSerializer.Serialize(definition.Compare ?? new CompareDefinition(), ContractJson.Options),
        TimeLimitMs = problem.Limits.TimeLimitMs,
        MemoryLimitMb = problem.Limits.MemoryLimitMb,
        ReferenceSolutionsJson = JsonSerializer.Serialize(
            problem.ReferenceSolutions.ToDictionary(kv => kv.Key.WireName(), kv => kv.Value), ContractJson.Options),
        Tests = problem.Tests.Select(test => new TestEntity
        {
            Ordinal = test.Index,
            Visibility = test.Visibility == TestVisibility.Public ? "public" : "hidden",
            InputJson = test.Input.ToJsonString(),
            ExpectedJson = test.Expected?.ToJsonString(),
            ToleranceJson = test.Tolerance is null ? null
                : JsonSerializer.Serialize(new ToleranceDefinition { AbsTol = test.Tolerance.AbsTol, RelTol = test.Tolerance.RelTol }, ContractJson.Options),
            TimeoutMs = test.TimeoutMs,
            Category = test.Category,
        }).ToList(),
    };

    /// <summary>Everything a candidate or the judge can observe of a stored problem, as one string.</summary>
    private static string Fingerprint(ProblemEntity e)
    {
        var text = new System.Text.StringBuilder();
        foreach (var field in new object?[] { e.Title, e.Difficulty, e.StatementMd, e.ConstraintsMd, e.TopicsJson, e.SignatureJson,
            e.CompareJson, e.TimeLimitMs, e.MemoryLimitMb, e.ReferenceSolutionsJson })
        {
            text.Append(field).Append('\u0001');
        }
        foreach (var t in e.Tests.OrderBy(t => t.Ordinal))
        {
            text.Append(t.Ordinal).Append('\u0002').Append(t.Visibility).Append('\u0002').Append(t.InputJson).Append('\u0002')
                .Append(t.ExpectedJson).Append('\u0002').Append(t.ToleranceJson).Append('\u0002').Append(t.TimeoutMs)
                .Append('\u0002').Append(t.Category).Append('\u0001');
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}

public enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>One revision of a stored problem: the definition (what travels in a judge job) and its validated form.</summary>
public sealed record ProblemSnapshot(int Id, int Revision, ProblemDefinition Definition, Problem Problem);
