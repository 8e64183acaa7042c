using System.Globalization;

namespace CodeRoom.Judge.Sandbox.Cgroups;

/// <summary>Reads and writes of cgroup control files. Paths here are kernel pseudo-files under /sys/fs/cgroup,
/// never anything a sandboxed process can write.</summary>
internal static class CgroupFiles
{
    public static void Write(string directory, string file, string value)
    {
        try
        {
            File.WriteAllText(Path.Combine(directory, file), value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxUnavailableException($"cannot write {value} to {Path.Combine(directory, file)}: {e.Message}", e);
        }
    }

    public static string Read(string directory, string file) => File.ReadAllText(Path.Combine(directory, file));

    public static long ReadLong(string directory, string file) =>
        long.Parse(Read(directory, file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Value of "key N" in a flat-keyed file such as memory.events or memory.oom_control.</summary>
    public static long ReadKey(string directory, string file, string key)
    {
        foreach (var line in Read(directory, file).Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == key)
            {
                return long.Parse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    public static IReadOnlyList<int> ReadPids(string directory)
    {
        var text = Read(directory, "cgroup.procs");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToList();
    }

    public static void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxUnavailableException($"cannot create cgroup {path}: {e.Message}", e);
        }
    }

    /// <summary>Kills what is left in the given cgroup directories, then removes them; bounded in time.</summary>
    public static async Task KillAndRemoveAsync(IReadOnlyList<string> directories, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var left = false;
            foreach (var dir in directories.Where(Directory.Exists))
            {
                foreach (var pid in ReadPids(dir))
                {
                    left = true;
                    _ = Native.Libc.kill(pid, Native.Libc.SIGKILL);
                }
            }
            if (!left)
            {
                break;
            }
            await Task.Delay(5, CancellationToken.None).ConfigureAwait(false);
        }
        foreach (var dir in directories)
        {
            for (var attempt = 0; attempt < 100 && Directory.Exists(dir); attempt++)
            {
                try
                {
                    Directory.Delete(dir);
                }
                catch (IOException)
                {
                    // EBUSY while the last task is still exiting.
                    await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                }
            }
            if (Directory.Exists(dir))
            {
                throw new SandboxUnavailableException($"cgroup {dir} could not be removed: processes remain");
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
