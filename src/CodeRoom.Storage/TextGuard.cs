using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CodeRoom.Storage;

/// <summary>A text column holding NUL (U+0000) is refused by PostgreSQL and stored by SQLite. So that both databases
/// behave the same, every save checks the text it writes: the judge's free-form diagnostics (compile output, internal
/// messages: display only, and a compiler may quote a binary file) have each NUL replaced by U+FFFD; any other column
/// holding NUL is refused with <see cref="UnstorableTextException"/> on both databases. The API refuses NUL in
/// requests before they get here; this is the safety net. (Bulk updates, ExecuteUpdate, are not seen here: they write
/// JSON, where NUL is escaped.)</summary>
public static class TextGuard
{
    public const char Replacement = '\uFFFD';

    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string text
                    || (entry.State == EntityState.Modified && !property.IsModified)
                    || !text.Contains('\0', StringComparison.Ordinal))
                {
                    continue;
                }
                if (entry.Entity is RunLogEntity && property.Metadata.Name is nameof(RunLogEntity.CompileOutput) or nameof(RunLogEntity.InternalMessage))
                {
                    property.CurrentValue = text.Replace('\0', Replacement);
                    continue;
                }
                throw new UnstorableTextException(entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
                    property.Metadata.GetColumnName());
            }
        }
    }
}

/// <summary>A text value holding NUL (U+0000), which PostgreSQL cannot store, was about to be saved.</summary>
public sealed class UnstorableTextException(string table, string column)
    : Exception($"{table}.{column} must not contain NUL characters (U+0000)")
{
    public string Table { get; } = table;
    public string Column { get; } = column;
}
