namespace CodeRoom.Judge.Sandbox.Cgroups;

/// <summary>Finds the service's own cgroup(s) and makes the runs' subtree there, on v1, hybrid or v2 hosts.</summary>
internal static class CgroupDetector
{
    public static ICgroupHierarchy Create(string subtreeName)
    {
        var own = ReadOwnCgroups();
        var mounts = ReadCgroupMounts();
        if (mounts.V1.ContainsKey("memory") && mounts.V1.ContainsKey("pids") && mounts.V1.ContainsKey("cpuacct"))
        {
            string Root(string controller) =>
                Path.Combine(mounts.V1[controller], own.GetValueOrDefault(controller, "/").TrimStart('/'), subtreeName);
            return new CgroupV1Hierarchy(Root("memory"), Root("pids"), Root("cpuacct"));
        }
        if (mounts.V2 is { } unified && own.TryGetValue("", out var path))
        {
            return new CgroupV2Hierarchy(Path.Combine(unified, path.TrimStart('/')), subtreeName);
        }
        throw new SandboxUnavailableException(
            "no usable cgroup hierarchy: need cgroup v1 memory, pids and cpuacct controllers, or a cgroup v2 mount");
    }

    /// <summary>controller name (or "" for v2) to path, from /proc/self/cgroup.</summary>
    public static Dictionary<string, string> ReadOwnCgroups()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }
            foreach (var controller in parts[1].Split(','))
            {
                result[controller] = parts[2];
            }
        }
        return result;
    }

    public static (Dictionary<string, string> V1, string? V2) ReadCgroupMounts()
    {
        var v1 = new Dictionary<string, string>(StringComparer.Ordinal);
        string? v2 = null;
        foreach (var line in File.ReadAllLines("/proc/self/mounts"))
        {
            var f = line.Split(' ');
            if (f.Length < 4)
            {
                continue;
            }
            if (f[2] == "cgroup2")
            {
                v2 ??= f[1];
            }
            else if (f[2] == "cgroup")
            {
                foreach (var option in f[3].Split(','))
                {
                    if (option is "memory" or "pids" or "cpuacct" or "cpu" or "freezer")
                    {
                        v1[option] = f[1];
                    }
                }
            }
        }
        return (v1, v2);
    }
}
