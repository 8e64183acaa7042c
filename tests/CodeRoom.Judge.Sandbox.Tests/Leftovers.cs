using CodeRoom.Judge.Sandbox.Cgroups;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>What a run may leave behind, looked up from the host: processes of the slot uids and run cgroups.</summary>
internal static class Leftovers
{
    /// <summary>Processes of the slot uids still there, waited for boundedly (kept for the attack tests, where a
    /// process may still be exiting). <see cref="Processes"/> alone checks that nothing, not even a zombie, is
    /// left at the moment a run returns.</summary>
    public static async Task<List<int>> ProcessesAsync(SandboxOptions options)
    {
        for (var attempt = 0; ; attempt++)
        {
            var left = Processes(options);
            if (left.Count == 0 || attempt == 50)
            {
                return left;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static List<int> Processes(SandboxOptions options) =>
        ProcessesOf(Enumerable.Range(options.FirstSlotUid, options.Slots).ToHashSet());

    /// <summary>Processes (zombies included) whose real, effective, saved or filesystem uid is one of these.</summary>
    public static List<int> ProcessesOf(IReadOnlySet<int> uids)
    {
        var left = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var uidLine = status.FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                if (uidLine is not null && uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                        .Any(u => uids.Contains(int.Parse(u))))
                {
                    left.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }
        return left;
    }

    /// <summary>The test subtree's directory in each controller (v1: memory, pids, cpuacct; v2: the unified one).</summary>
    public static List<string> CgroupSubtrees(SandboxOptions options)
    {
        var own = CgroupDetector.ReadOwnCgroups();
        var (v1, v2) = CgroupDetector.ReadCgroupMounts();
        var roots = new List<string>();
        if (v1.ContainsKey("memory") && v1.ContainsKey("pids") && v1.ContainsKey("cpuacct"))
        {
            foreach (var controller in new[] { "memory", "pids", "cpuacct" })
            {
                roots.Add(Path.Combine(v1[controller], own.GetValueOrDefault(controller, "/").TrimStart('/'), options.CgroupName));
            }
        }
        else if (v2 is not null && own.TryGetValue("", out var path))
        {
            roots.Add(Path.Combine(v2, path.TrimStart('/'), options.CgroupName));
        }
        return roots;
    }

    /// <summary>Run cgroups (run-*) still present under the test subtree.</summary>
    public static List<string> RunCgroups(SandboxOptions options) =>
        CgroupSubtrees(options).Where(Directory.Exists)
            .SelectMany(root => Directory.GetDirectories(root, "run-*")).ToList();
}
