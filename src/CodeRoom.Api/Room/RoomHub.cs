using System.Text;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Room;

/// <summary>The interview room's live channel (issue 16). A candidate joins their own attempt and streams their
/// editor; an interviewer watches an attempt of one of the interviews in their token. Every join is authorized here
/// against the database, and a refusal is the same "not found" for a missing attempt and a forbidden one.</summary>
[Authorize]
public sealed class RoomHub(AppDbContext db, HistoryCursors cursors, RoomResults results, RoomUsers users, TimeProvider time,
    IOptions<RoomOptions> options, IOptions<RequestLimitsOptions> limits) : Hub
{
    public const string Path = "/hubs/room";

    internal static string WatchGroup(Guid attemptId) => "watch:" + attemptId.ToString("N");

    internal static string CandidateGroup(Guid attemptId) => "candidate:" + attemptId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        if (!users.TryConnect(Context.User!.UserId(), options.Value.MaxConnectionsPerUser))
        {
            // Closed without an exception: one thrown here is logged at Error, once per refused socket.
            Context.Abort();
            return;
        }
        State.Counted = true;
        await base.OnConnectedAsync();
    }

    public async Task<WatchState> Watch(Guid attemptId)
    {
        var ct = Context.ConnectionAborted;
        TakeCall();
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null || !Interviews.CanWatch(Context.User!, attempt))
        {
            throw new HubException("attempt not found");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, WatchGroup(attemptId), ct);
        State.Watched.Add(attemptId);
        var latest = await AttemptHistory.LatestAsync(db, attemptId, ct);
        var past = await results.ListAsync(db, attemptId, ct);
        await Clients.Group(CandidateGroup(attemptId)).SendAsync("watcher", new WatcherPresence(Context.ConnectionId, true), ct);
        return new WatchState(attempt.Id, attempt.UserId, attempt.InterviewId, latest?.ProblemSlug, latest?.Language, latest?.Code, past);
    }

    /// <summary>A watcher answering "who is watching?" (a candidate's page that just connected asks).</summary>
    public async Task Present(Guid attemptId)
    {
        if (State.Watched.Contains(attemptId))
        {
            await Clients.Group(CandidateGroup(attemptId)).SendAsync("watcher", new WatcherPresence(Context.ConnectionId, true), Context.ConnectionAborted);
        }
    }

    public async Task Join(Guid attemptId)
    {
        var ct = Context.ConnectionAborted;
        TakeCall();
        var userId = Context.User!.UserId();
        if (!await db.Attempts.AnyAsync(a => a.Id == attemptId && a.UserId == userId, ct))
        {
            throw new HubException("attempt not found");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, CandidateGroup(attemptId), ct);
        State.Joined.Add(attemptId);
        await Clients.Group(WatchGroup(attemptId)).SendAsync("who", attemptId, ct);
    }

    public async Task Code(CodeUpdate update)
    {
        var ct = Context.ConnectionAborted;
        if (update is null || !State.Joined.Contains(update.AttemptId))
        {
            throw new HubException("join the attempt first");
        }
        if (!LanguageIds.TryParse(update.Language, out var language) || string.IsNullOrWhiteSpace(update.ProblemId)
            || update.ProblemId.Length > 80 || update.Code is null)
        {
            throw new HubException("problem_id, language and code are required");
        }
        // Hub messages bypass the HTTP NUL guard (NulCharacterGuardMiddleware): refused here as a hub error, before it is
        // forwarded, rather than as an unexpected exception from the store (TextGuard) logged at Error on every update.
        if ((Unstorable(update.ProblemId) ?? Unstorable(update.Code)) is { } problem)
        {
            throw new HubException($"problem_id and code {problem}");
        }
        if (Encoding.UTF8.GetByteCount(update.Code) > limits.Value.MaxCodeBytes)
        {
            throw new HubException($"code is larger than {limits.Value.MaxCodeBytes} bytes");
        }
        TakeCall();
        if (!State.KnownProblems.Contains(update.ProblemId))
        {
            if (!await db.Problems.AnyAsync(p => p.Slug == update.ProblemId, ct))
            {
                throw new HubException("unknown problem");
            }
            State.KnownProblems.Add(update.ProblemId);
        }
        var now = time.GetUtcNow();
        var wire = language.WireName();
        // Forwarded before it is stored: the interviewer's view is the latency that matters (issue 16: 500 ms).
        await Clients.Group(WatchGroup(update.AttemptId)).SendAsync("code", new LiveCode(update.AttemptId, update.ProblemId, wire, update.Code, now), ct);
        await cursors.RecordAsync(db, update.AttemptId, update.ProblemId, wire, update.Code, now, options.Value.MaxHistoryBytesPerAttempt, ct);
    }

    /// <summary>Code updates, joins and watches: each touches the database, so they share one per-user window.</summary>
    private void TakeCall()
    {
        if (!users.TryTake(Context.User!.UserId(), options.Value.MaxCodeUpdatesPerSecond))
        {
            throw new HubException($"more than {options.Value.MaxCodeUpdatesPerSecond} code updates (joins, watches) per second");
        }
    }

    private static string? Unstorable(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? UnstorableTextException.NulMessage
        : !TextGuard.IsValidUnicode(text) ? TextGuard.InvalidUnicodeMessage
        : null;

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var attemptId in State.Watched)
        {
            await Clients.Group(CandidateGroup(attemptId)).SendAsync("watcher", new WatcherPresence(Context.ConnectionId, false));
        }
        foreach (var attemptId in State.Joined)
        {
            cursors.Forget(attemptId);
        }
        if (State.Counted)
        {
            users.Disconnect(Context.User!.UserId());
        }
        await base.OnDisconnectedAsync(exception);
    }

    private ConnectionState State
    {
        get
        {
            if (!Context.Items.TryGetValue(typeof(ConnectionState), out var state))
            {
                state = new ConnectionState();
                Context.Items[typeof(ConnectionState)] = state;
            }
            return (ConnectionState)state!;
        }
    }

    /// <summary>Per connection: what it joined or watches (one invocation at a time per client, SignalR's default, so
    /// no locking), and whether it counts against its user's connections.</summary>
    private sealed class ConnectionState
    {
        public HashSet<Guid> Joined { get; } = [];
        public HashSet<Guid> Watched { get; } = [];
        public HashSet<string> KnownProblems { get; } = new(StringComparer.Ordinal);
        public bool Counted { get; set; }
    }
}
