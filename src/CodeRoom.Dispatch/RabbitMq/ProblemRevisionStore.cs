using System.Collections.Concurrent;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Dispatch.RabbitMq;

/// <summary>
/// Problem definitions by (problem, revision), in the database (problem_revisions): the Api writes a revision once, before
/// publishing its first job; the runner reads it once and caches the validated problem. A job on the broker is then a few
/// hundred bytes, whatever the problem's tests weigh (up to ~3 MB for the bank's problems, which each job used to carry
/// through the quorum queue's log), and still judges the problem as it was when the job was created: a revision's row is
/// written once and never changed, and an admin's edit makes a new revision.
/// </summary>
public sealed class ProblemRevisionStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<(int Id, int Revision), byte> _written = new();

    /// <summary>Makes sure the snapshot's revision is stored (idempotent, from any number of Api instances at once).</summary>
    public async Task EnsureAsync(ProblemSnapshot problem, CancellationToken cancellationToken)
    {
        if (_written.ContainsKey((problem.Id, problem.Revision)))
        {
            return;
        }
        var json = JsonSerializer.Serialize(problem.Definition, ContractJson.Options);
        var now = time.GetUtcNow();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // ON CONFLICT DO NOTHING (PostgreSQL and SQLite alike): the same revision always has the same content.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO problem_revisions (problem_id, revision, definition_json, created_at) VALUES ({problem.Id}, {problem.Revision}, {json}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        _written[(problem.Id, problem.Revision)] = 0;
    }

    /// <summary>The database could not be reached or answered with an error: a DbException, also as the inner exception
    /// of the InvalidOperationException EF Core's retrying execution strategy throws once it gives up.</summary>
    public static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The definition stored for that revision, or null when there is none.</summary>
    public async Task<ProblemDefinition?> ReadAsync(int problemId, int revision, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var json = await db.ProblemRevisions.AsNoTracking()
            .Where(r => r.ProblemId == problemId && r.Revision == revision)
            .Select(r => r.DefinitionJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ProblemDefinition>(json, ContractJson.Options);
    }
}
