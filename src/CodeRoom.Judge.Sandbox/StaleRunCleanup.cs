using System.Globalization;
using CodeRoom.Judge.Sandbox.Cgroups;
using CodeRoom.Judge.Sandbox.Native;

namespace CodeRoom.Judge.Sandbox;

/// <summary>What <see cref="StaleRunCleanup.CleanAsync"/> found and removed.</summary>
public sealed record StaleRunReport(int ProcessesKilled, int CgroupsRemoved, int BoxesRemoved);

/// <summary>
/// Removes what a killed supervisor with the same <see cref="SandboxOptions"/> left (issue 12: a runner killed with
/// kill -9 leaves its candidates' processes, their cgroups and their boxes): every process running as one of its uids
/// (run and standby slots, compile servers included), every cgroup under its subtree, every box under its box root.
/// Only for a process that owns those settings exclusively (a runner holds its id's lock); never while a sandbox with
/// the same settings runs.
/// </summary>
public static class StaleRunCleanup
{
    public static async Task<StaleRunReport> CleanAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        var firstUid = options.FirstSlotUid;
        var lastUid = options.FirstSlotUid + options.Slots + Math.Max(options.StandbySlots, 1) - 1;
        var killed = KillProcessesOf(firstUid, lastUid);

        var removed = 0;
        foreach (var root in SubtreeRoots(options.CgroupName))
        {
            // Deepest first: a cgroup can only be removed once its children are gone.
            var dirs = Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
                .OrderByDescending(d => d.Count(c => c == '/')).ToList();
            await CgroupFiles.KillAndRemoveAsync(dirs, cancellationToken).ConfigureAwait(false);
            removed += dirs.Count;
        }

        var boxes = 0;
        if (Directory.Exists(options.BoxRoot))
        {
            foreach (var box in Directory.EnumerateDirectories(options.BoxRoot))
            {
                Directory.Delete(box, recursive: true);
                boxes++;
            }
        }
        return new StaleRunReport(killed, removed, boxes);
    }

    /// <summary>SIGKILL to every process whose real or effective uid is in the range, until none is left (a dying
    /// process may have forked meanwhile).</summary>
    private static int KillProcessesOf(int firstUid, int lastUid)
    {
        var killed = new HashSet<int>();
        for (var round = 0; round < 50; round++)
        {
            var found = false;
            foreach (var pid in ProcStatus.Pids())
            {
                if (ProcStatus.Read(pid) is not { } uid || uid.RealUid < firstUid && uid.EffectiveUid < firstUid
                    || uid.RealUid > lastUid && uid.EffectiveUid > lastUid)
                {
                    continue;
                }
                found = true;
                _ = Libc.kill(pid, Libc.SIGKILL);
                killed.Add(pid);
            }
            if (!found)
            {
                break;
            }
            Thread.Sleep(10);
        }
        return killed.Count;
    }

    /// <summary>The subtree under this process's own cgroup(s), and any directory of that name a few levels below the
    /// hierarchies' roots: a predecessor started from another session sat in another parent cgroup.</summary>
    private static IEnumerable<string> SubtreeRoots(string subtreeName)
    {
        var own = CgroupDetector.ReadOwnCgroups();
        var (v1, v2) = CgroupDetector.ReadCgroupMounts();
        var mounts = v1.Where(kv => kv.Key is "memory" or "pids" or "cpuacct")
            .Select(kv => (Mount: kv.Value, Own: own.GetValueOrDefault(kv.Key, "/"))).ToList();
        if (v2 is not null && own.TryGetValue("", out var unified))
        {
            mounts.Add((v2, unified));
        }
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (mount, ownPath) in mounts.DistinctBy(m => m.Mount))
        {
            roots.Add(Path.Combine(mount, ownPath.TrimStart('/'), subtreeName));
            roots.UnionWith(FindByName(mount, subtreeName, depth: 4));
        }
        return roots.Where(Directory.Exists).ToList();
    }

    private static IEnumerable<string> FindByName(string dir, string name, int depth)
    {
        IEnumerable<string> children;
        try
        {
            children = Directory.EnumerateDirectories(dir).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var child in children)
        {
            if (Path.GetFileName(child) == name)
            {
                yield return child;
            }
            else if (depth > 1)
            {
                foreach (var found in FindByName(child, name, depth - 1))
                {
                    yield return found;
                }
            }
        }
    }
}
