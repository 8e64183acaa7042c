using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Storage.Problems;

public sealed record ImportReport(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Failed);

/// <summary>Imports the problem bank (problems/&lt;slug&gt;/ folders) into the database: idempotent upsert by slug.
/// Used at first start and, later, by the CLI.</summary>
public sealed class ProblemImporter(AppDbContext db, ProblemStore store, ILogger<ProblemImporter> logger)
{
    public async Task<ImportReport> ImportAsync(string directory, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var updated = new List<string>();
        var unchanged = new List<string>();
        var failed = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var folder in ProblemFolder.FindAll(directory))
        {
            var name = Path.GetFileName(folder);
            ProblemDefinition definition;
            try
            {
                definition = ProblemFolder.Load(folder);
            }
            catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or InvalidDataException or FormatException)
            {
                failed[name] = [ex.Message];
                continue;
            }
            var (problem, errors) = ProblemValidator.Validate(definition);
            if (problem is null)
            {
                failed[name] = errors;
                continue;
            }
            UpsertOutcome outcome;
            try
            {
                outcome = await store.SaveAsync(db, definition, problem, cancellationToken);
            }
            catch (UnstorableTextException ex)
            {
                // NUL or a value too long for its column: refused on both databases alike (TextGuard).
                failed[name] = [ex.Message];
                db.ChangeTracker.Clear();
                continue;
            }
            (outcome switch
            {
                UpsertOutcome.Created => created,
                UpsertOutcome.Updated => updated,
                _ => unchanged,
            }).Add(problem.Slug);
            db.ChangeTracker.Clear();
        }
        foreach (var (slug, errors) in failed)
        {
            logger.LogWarning("Problem {Slug} was not imported: {Errors}", slug, string.Join("; ", errors));
        }
        logger.LogInformation("Imported the problem bank from {Directory}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Failed} failed",
            directory, created.Count, updated.Count, unchanged.Count, failed.Count);
        return new ImportReport(created, updated, unchanged, failed);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => !await db.Problems.AnyAsync(cancellationToken);
}
