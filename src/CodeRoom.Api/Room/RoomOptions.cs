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

    /// <summary>Code updates one connection may send per second (the page sends at most about 7 while typing);
    /// beyond it the update is refused with an error to that client, and not stored or forwarded.</summary>
    [Range(1, 1000)] public int MaxCodeUpdatesPerSecond { get; set; } = 20;
}

[OptionsValidator]
public sealed partial class RoomOptionsValidator : IValidateOptions<RoomOptions>;
