using System.Globalization;

namespace CodeRoom.Judge.Sandbox.Native;

/// <summary>What /proc says about processes: the live pids, and one process's parent and uids.</summary>
internal static class ProcStatus
{
    public readonly record struct Status(int ParentPid, int RealUid, int EffectiveUid);

    public static IEnumerable<int> Pids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <summary>The process's parent and uids from /proc/PID/status; null once it is gone.</summary>
    public static Status? Read(int pid)
    {
        try
        {
            var parent = -1;
            foreach (var line in File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/status"))
            {
                if (line.StartsWith("PPid:", StringComparison.Ordinal))
                {
                    parent = int.Parse(line.AsSpan(5).Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    // PPid comes before Uid in the file.
                    var f = line[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    return new Status(parent, int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // exited meanwhile
        }
        return null;
    }
}
