using System.Globalization;

namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Resident memory of a run's processes inside one address range (AddressSanitizer's shadow), from /proc/PID/smaps:
/// the Rss of every mapping that overlaps the range (the shadow is its own anonymous mappings, never shared with the
/// program's). Read by the supervisor, outside the sandbox; what the program can do is map memory there itself, which
/// only adds to what is subtracted for a run that already has the cgroup's full limit as its ceiling.
/// </summary>
internal static class ShadowMemory
{
    public static long ResidentBytes(IReadOnlyList<int> pids, AddressRange range)
    {
        long total = 0;
        foreach (var pid in pids)
        {
            total += ResidentBytes(pid, range);
        }
        return total;
    }

    private static long ResidentBytes(int pid, AddressRange range)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/smaps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // the process is gone (or going): nothing of it to measure
        }
        long kb = 0;
        var inside = false;
        foreach (var line in lines)
        {
            if (Mapping(line) is { } mapping)
            {
                inside = mapping.Start < range.End && mapping.End > range.Start;
            }
            else if (inside && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                kb += long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }
        return kb * 1024;
    }

    /// <summary>A mapping's header line ("7fff8000-8fff7000 rw-p 00000000 00:00 0"), or null for a field line.</summary>
    private static AddressRange? Mapping(string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (dash <= 0 || space <= dash)
        {
            return null;
        }
        return ulong.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            ? new AddressRange(start, end)
            : null;
    }
}
