namespace CodeRoom.Storage.Entities;

/// <summary>A judge runner's last word (fleet mode): written every few seconds by each runner, read by the admin live
/// panel. A runner whose last heartbeat is older than the configured window counts as dead.</summary>
public sealed class RunnerHeartbeatEntity
{
    public required string Id { get; set; }
    public int Slots { get; set; }
    public int Busy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeen { get; set; }
}
