using System.Globalization;

namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Resident memory of a run's processes inside one address range (AddressSanitizer's shadow), from /proc/PID/smaps:
/// the Rss of every mapping that overlaps the range (the shadow is its own anonymous mappings, never shared with the
/// program's). Read by the supervisor, outside the sandbox. The program can map memory there itself, which only adds to
/// what is subtracted for a run that already has the cgroup's full limit as its ceiling, and it can cut the range into
/// many mappings to make the file long: smaps lists mappings by address, so the read stops at the first one past the
/// range, and after <see cref="MaxBytesPerProcess"/> of text (what is counted by then stands: less shadow, a stricter
/// verdict, never a slower or fatter supervisor).
/// </summary>
internal static class ShadowMemory
{
    /// <summary>About 4,000 mappings' worth of smaps text; a sanitized process has a few hundred in all.</summary>
    private const long MaxBytesPerProcess = 4L << 20;

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
        long kb = 0;
        try
        {
            using var reader = new StreamReader($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/smaps");
            long read = 0;
            var inside = false;
            while (read < MaxBytesPerProcess && reader.ReadLine() is { } line)
            {
                read += line.Length + 1;
                if (Mapping(line) is { } mapping)
                {
                    if (mapping.Start >= range.End)
                    {
                        break; // ordered by address: nothing further can overlap
                    }
                    inside = mapping.End > range.Start;
                }
                else if (inside && line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    kb += long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone (or going): what was counted of it stands.
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
