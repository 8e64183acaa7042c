namespace CodeRoom.Api.Room;

/// <summary>Per user, on this instance: open hub connections and one window of hub calls shared by all of them. Limits
/// held per connection alone let one token open any number of sockets and multiply its rate (and its database writes)
/// by their number. Kept in memory: with several instances the bound is per instance, which still makes it a bound.</summary>
public sealed class RoomUsers(TimeProvider time)
{
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryConnect(string userId, int max)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                _users[userId] = user = new User();
            }
            if (user.Connections >= max)
            {
                return false;
            }
            user.Connections++;
            return true;
        }
    }

    public void Disconnect(string userId)
    {
        lock (_gate)
        {
            if (_users.TryGetValue(userId, out var user) && --user.Connections <= 0)
            {
                _users.Remove(userId);
            }
        }
    }

    /// <summary>One call of the user's <paramref name="perSecond"/> in the current one-second window.</summary>
    public bool TryTake(string userId, int perSecond)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Only a counted connection gets to invoke anything.
            if (!_users.TryGetValue(userId, out var user))
            {
                return false;
            }
            if (now - user.WindowStart >= TimeSpan.FromSeconds(1))
            {
                (user.WindowStart, user.InWindow) = (now, 0);
            }
            return ++user.InWindow <= perSecond;
        }
    }

    private sealed class User
    {
        public int Connections { get; set; }
        public DateTimeOffset WindowStart { get; set; }
        public int InWindow { get; set; }
    }
}
