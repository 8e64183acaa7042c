using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Room;

/// <summary>The interview room (issue 16): the code history kept per attempt and the live stream of the candidate's
/// editor to the interviewer.</summary>
public sealed class RoomOptions
{
    public const string Section = "Room";

    /// <summary>Bytes of code history (snapshots, edits, runs and submits with their results) one attempt may keep;
    /// past it one "truncated" marker is stored and nothing more. 2 MB is hours of typing: an edit is its inserted
    /// text plus 64 bytes, a snapshot (every 50 edits) the whole code.</summary>
    [Range(4096, 1_000_000_000)] public long MaxHistoryBytesPerAttempt { get; set; } = 2 * 1024 * 1024;

    /// <summary>Code updates (joins and watches included) one user may send per second over all their connections to
    /// an instance (the page sends at most about 8 while typing); beyond it the call is refused with an error to that
    /// client, and nothing is stored or forwarded.</summary>
    [Range(1, 1000)] public int MaxCodeUpdatesPerSecond { get; set; } = 20;

    /// <summary>Hub connections one user may hold open on an instance (a page holds one); more are closed at once.</summary>
    [Range(1, 10_000)] public int MaxConnectionsPerUser { get; set; } = 16;
}

[OptionsValidator]
public sealed partial class RoomOptionsValidator : IValidateOptions<RoomOptions>;
