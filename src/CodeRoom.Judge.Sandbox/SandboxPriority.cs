using System.Globalization;
using CodeRoom.Judge.Sandbox.Cgroups;
using CodeRoom.Judge.Sandbox.Native;

namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Work done ahead of time (a warm runtime starting, a compile server warming up) runs at the lowest CPU priority, so
/// that on a small machine it never slows down a run being measured; the moment a sandbox is fed (its run, its first
/// compile) every thread in it goes back to normal priority, so the candidate's code is timed at the same priority as
/// any other run. Only the root supervisor can raise a priority again: the sandboxed code can lower its own, never
/// raise it (no CAP_SYS_NICE, RLIMIT_NICE 0).
/// </summary>
internal static class SandboxPriority
{
    public const int Background = 19;
    public const int Normal = 0;

    /// <summary>Sets the nice value of every thread of every process in the cgroup (nice is per thread on Linux, and
    /// a new thread or process inherits its creator's). Twice, for threads created while the first pass ran.</summary>
    public static void Set(IRunCgroup cgroup, int nice)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var pid in cgroup.Processes())
            {
                SetProcess(pid, nice);
            }
        }
    }

    /// <summary>Every thread of one process; gone processes and threads are skipped.</summary>
    public static void SetProcess(int pid, int nice)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/task");
        }
        catch (IOException)
        {
            return;
        }
        foreach (var task in tasks)
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
            {
                _ = Libc.setpriority(Libc.PRIO_PROCESS, tid, nice);
            }
        }
    }
}
