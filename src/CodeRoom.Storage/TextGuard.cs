using System.Text;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CodeRoom.Storage;

/// <summary>Text PostgreSQL refuses and SQLite stores: NUL (U+0000) or a lone UTF-16 surrogate in any text column, and
/// more characters than a column's declared maximum length (SQLite does not enforce it). So that both databases behave the same, every save
/// checks the text it writes: the judge's free-form diagnostics (compile output, internal messages: display only, and
/// a compiler may quote a binary file) have each NUL and lone surrogate replaced by U+FFFD; any other column holding
/// one, or a value longer than its column allows, is refused with <see cref="UnstorableTextException"/> on both databases. The API
/// checks requests before they get here; this is the safety net. (Bulk updates, ExecuteUpdate, are not seen here:
/// they write JSON, where NUL is escaped, and fixed values.)</summary>
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
                    || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }
                var table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    if (IsDiagnostics(entry, property))
                    {
                        property.CurrentValue = text = text.Replace('\0', Replacement);
                    }
                    else
                    {
                        throw new UnstorableTextException(table, property.Metadata.GetColumnName(), UnstorableTextException.NulMessage);
                    }
                }
                if (!IsValidUnicode(text))
                {
                    if (IsDiagnostics(entry, property))
                    {
                        property.CurrentValue = text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)); // lone surrogates -> U+FFFD
                    }
                    else
                    {
                        throw new UnstorableTextException(table, property.Metadata.GetColumnName(), InvalidUnicodeMessage);
                    }
                }
                // PostgreSQL counts characters (code points), not UTF-16 units.
                if (property.Metadata.GetMaxLength() is { } max && text.Length > max && text.EnumerateRunes().Count() > max)
                {
                    throw new UnstorableTextException(table, property.Metadata.GetColumnName(), $"must be at most {max} characters");
                }
            }
        }
    }

    public const string InvalidUnicodeMessage = "must be valid Unicode text (no lone surrogates)";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>False for text with a lone UTF-16 surrogate: SQLite stores it as U+FFFD, PostgreSQL's driver refuses it.</summary>
    public static bool IsValidUnicode(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The judge's free-form diagnostics: display only, so unstorable characters are replaced, not refused.</summary>
    private static bool IsDiagnostics(EntityEntry entry, PropertyEntry property) =>
        entry.Entity is RunLogEntity && property.Metadata.Name is nameof(RunLogEntity.CompileOutput) or nameof(RunLogEntity.InternalMessage);
}

/// <summary>A text value PostgreSQL cannot store (NUL, a lone surrogate, too long for its column) was about to be
/// saved.</summary>
public sealed class UnstorableTextException(string table, string column, string problem)
    : Exception($"{table}.{column} {problem}")
{
    public const string NulMessage = "must not contain NUL characters (U+0000)";

    public string Table { get; } = table;
    public string Column { get; } = column;

    /// <summary>What is wrong, to follow the column's name: "must not contain ...", "must be at most N characters".</summary>
    public string Problem { get; } = problem;
}
