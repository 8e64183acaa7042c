using System.Text;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Storage.History;

/// <summary>Where the stored history of one attempt's editor stands: what the next edit is diffed against. Kept in
/// memory by the instance the candidate is connected to; without one the next change is stored as a snapshot.</summary>
public sealed record HistoryCursor(string ProblemSlug, string Language, string Code, int EditsSinceSnapshot);

/// <summary>The code history of an attempt (issue 16): snapshots and edits as the candidate types, language switches,
/// runs and submits with what the candidate saw. Typing is counted against a per-attempt byte cap, reserved in the
/// attempt's row with one conditional UPDATE so concurrent writers cannot pass it; past the cap one
/// <c>truncated</c> row is written and no more typing (runs and submits still are, see <see cref="RecordResultAsync"/>).
/// Rows go with their attempt (ON DELETE CASCADE).</summary>
public static class AttemptHistory
{
    /// <summary>A full snapshot after this many edits, so catching up never replays a long chain.</summary>
    public const int SnapshotEvery = 50;

    /// <summary>Per-row overhead counted against the cap besides the text (ids, times, kinds).</summary>
    public const int RowOverheadBytes = 64;

    /// <summary>Records the editor's code. Returns the new cursor, or <paramref name="previous"/> when nothing
    /// changed or the history is full.</summary>
    public static async Task<HistoryCursor?> RecordCodeAsync(AppDbContext db, Guid attemptId, HistoryCursor? previous,
        string problemSlug, string language, string code, DateTimeOffset at, long capBytes, CancellationToken cancellationToken)
    {
        if (previous is not null && previous.ProblemSlug == problemSlug && previous.Language == language && previous.Code == code)
        {
            return previous;
        }
        var rows = new List<AttemptEventEntity>();
        var sameEditor = previous is not null && previous.ProblemSlug == problemSlug;
        if (previous is not null && sameEditor && previous.Language != language)
        {
            rows.Add(Row(attemptId, at, AttemptEventKinds.Language, problemSlug, language));
        }
        var edit = previous is not null && sameEditor && previous.Language == language && previous.EditsSinceSnapshot < SnapshotEvery
            ? Diff(previous.Code, code) : ((int Offset, int DeleteCount, string Text)?)null;
        if (edit is { } e && Encoding.UTF8.GetByteCount(e.Text) * 2 < Encoding.UTF8.GetByteCount(code) + 64)
        {
            var row = Row(attemptId, at, AttemptEventKinds.Edit, problemSlug, language);
            (row.Offset, row.DeleteCount, row.Text) = (e.Offset, e.DeleteCount, e.Text);
            rows.Add(row);
        }
        else
        {
            var row = Row(attemptId, at, AttemptEventKinds.Snapshot, problemSlug, language);
            row.Text = code;
            rows.Add(row);
        }
        foreach (var row in rows)
        {
            row.Bytes = RowOverheadBytes + Encoding.UTF8.GetByteCount(row.Text ?? "");
        }
        if (!await ReserveAsync(db, attemptId, rows.Sum(r => (long)r.Bytes), at, capBytes, cancellationToken))
        {
            return previous;
        }
        db.AttemptEvents.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        var isEdit = rows[^1].Kind == AttemptEventKinds.Edit;
        return new HistoryCursor(problemSlug, language, code, isEdit ? previous!.EditsSinceSnapshot + 1 : 0);
    }

    /// <summary>Records a run's or submit's result as the candidate saw it, once per submission. Not held to the cap:
    /// a candidate could otherwise fill the history with typing first and so hide every later Run and Submit from the
    /// interviewer and the replay. Their number is bounded by the submissions an attempt may keep
    /// (Limits:MaxSubmissionsPerAttempt); their bytes still count, so typing after them stops sooner.</summary>
    public static async Task<bool> RecordResultAsync(AppDbContext db, Guid attemptId, Guid submissionId, string kind, string problemSlug,
        string language, string code, string resultJson, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await db.AttemptEvents.AnyAsync(e => e.SubmissionId == submissionId, cancellationToken))
        {
            return false;
        }
        var row = Row(attemptId, at, kind, problemSlug, language);
        row.Text = code;
        row.ResultJson = resultJson;
        row.SubmissionId = submissionId;
        row.Bytes = RowOverheadBytes + Encoding.UTF8.GetByteCount(code) + Encoding.UTF8.GetByteCount(resultJson);
        db.AttemptEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same result recorded by a concurrent request (the run's answer and a status poll): the unique index
            // on submission_id kept one row.
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
        await db.Attempts.Where(a => a.Id == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.HistoryBytes, a => a.HistoryBytes + row.Bytes), cancellationToken);
        return true;
    }

    private static async Task<bool> ReserveAsync(AppDbContext db, Guid attemptId, long bytes, DateTimeOffset at, long capBytes,
        CancellationToken cancellationToken)
    {
        var reserved = await db.Attempts
            .Where(a => a.Id == attemptId && !a.HistoryTruncated && a.HistoryBytes + bytes <= capBytes)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.HistoryBytes, a => a.HistoryBytes + bytes), cancellationToken);
        if (reserved == 1)
        {
            return true;
        }
        // Full: mark it once (the conditional update makes exactly one writer do so) and leave one row saying so.
        var marked = await db.Attempts.Where(a => a.Id == attemptId && !a.HistoryTruncated)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.HistoryTruncated, true), cancellationToken);
        if (marked == 1)
        {
            var row = Row(attemptId, at, AttemptEventKinds.Truncated, "", "");
            row.Bytes = RowOverheadBytes;
            db.AttemptEvents.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        return false;
    }

    /// <summary>The attempt's history in order (the replay's input).</summary>
    public static Task<List<AttemptEventEntity>> ReadAsync(AppDbContext db, Guid attemptId, CancellationToken cancellationToken) =>
        db.AttemptEvents.AsNoTracking().Where(e => e.AttemptId == attemptId).OrderBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>The editor as last recorded: from the newest snapshot on. Null when nothing was typed yet.</summary>
    public static async Task<HistoryCursor?> LatestAsync(AppDbContext db, Guid attemptId, CancellationToken cancellationToken)
    {
        var lastSnapshot = await db.AttemptEvents.AsNoTracking()
            .Where(e => e.AttemptId == attemptId && e.Kind == AttemptEventKinds.Snapshot)
            .OrderByDescending(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (lastSnapshot is null)
        {
            return null;
        }
        var rows = await db.AttemptEvents.AsNoTracking().Where(e => e.AttemptId == attemptId && e.Id >= lastSnapshot)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return Replay(rows);
    }

    /// <summary>Applies snapshots and edits in order; runs, submits and markers leave the editor as it is.</summary>
    public static HistoryCursor? Replay(IEnumerable<AttemptEventEntity> rows)
    {
        HistoryCursor? state = null;
        foreach (var e in rows)
        {
            switch (e.Kind)
            {
                case AttemptEventKinds.Snapshot:
                    state = new HistoryCursor(e.ProblemSlug, e.Language, e.Text ?? "", 0);
                    break;
                case AttemptEventKinds.Edit when state is not null:
                    state = state with { Code = Apply(state.Code, e.Offset ?? 0, e.DeleteCount ?? 0, e.Text ?? ""), EditsSinceSnapshot = state.EditsSinceSnapshot + 1 };
                    break;
                default:
                    break;
            }
        }
        return state;
    }

    public static string Apply(string code, int offset, int deleteCount, string text)
    {
        // Clamped: a history written by two tabs on two instances may disagree; the next snapshot puts it right.
        var start = Math.Clamp(offset, 0, code.Length);
        var end = Math.Clamp(start + deleteCount, start, code.Length);
        return string.Concat(code.AsSpan(0, start), text, code.AsSpan(end));
    }

    /// <summary>The smallest single replacement turning <paramref name="before"/> into <paramref name="after"/>
    /// (common prefix and suffix kept); typing is one such replacement per update.</summary>
    public static (int Offset, int DeleteCount, string Text) Diff(string before, string after)
    {
        var prefix = 0;
        var max = Math.Min(before.Length, after.Length);
        while (prefix < max && before[prefix] == after[prefix])
        {
            prefix++;
        }
        // Never split a surrogate pair: PostgreSQL text must stay valid UTF-8.
        if (prefix > 0 && char.IsHighSurrogate(before[prefix - 1]))
        {
            prefix--;
        }
        var suffix = 0;
        while (suffix < max - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }
        if (suffix > 0 && char.IsLowSurrogate(after[after.Length - suffix]))
        {
            suffix--;
        }
        return (prefix, before.Length - prefix - suffix, after.Substring(prefix, after.Length - prefix - suffix));
    }

    private static AttemptEventEntity Row(Guid attemptId, DateTimeOffset at, string kind, string slug, string language) =>
        new() { AttemptId = attemptId, At = at, Kind = kind, ProblemSlug = slug, Language = language };
}
