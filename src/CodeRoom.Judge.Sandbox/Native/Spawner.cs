using System.Runtime.InteropServices;
using System.Text;

namespace CodeRoom.Judge.Sandbox.Native;

/// <summary>posix_spawn with an empty environment, default signal dispositions, an empty signal mask and only the
/// listed descriptors open in the child (bwrap does not close inherited descriptors: sandbox-security.md V7).</summary>
internal static class Spawner
{
    // fdMap: child fd number -> parent fd.
    public static unsafe int Spawn(IReadOnlyList<string> argv, IReadOnlyDictionary<int, int> fdMap, int closeFrom)
    {
        var actions = stackalloc byte[Libc.FileActionsSize];
        var attr = stackalloc byte[Libc.SpawnAttrSize];
        var sigs = stackalloc byte[Libc.SigSetSize];
        Libc.posix_spawn_file_actions_init(actions);
        Libc.posix_spawnattr_init(attr);
        var allocations = new List<nint>();
        try
        {
            // Move every source above every target first, so that no dup2 clobbers a source still to be placed.
            var temp = Math.Max(fdMap.Values.DefaultIfEmpty(0).Max(), Math.Max(closeFrom, fdMap.Keys.DefaultIfEmpty(0).Max())) + 1;
            var staged = new List<(int Temp, int Target)>();
            foreach (var (target, source) in fdMap)
            {
                Check(Libc.posix_spawn_file_actions_adddup2(actions, source, temp), "adddup2");
                staged.Add((temp, target));
                temp++;
            }
            foreach (var (t, target) in staged)
            {
                Check(Libc.posix_spawn_file_actions_adddup2(actions, t, target), "adddup2");
            }
            Check(Libc.posix_spawn_file_actions_addclosefrom_np(actions, closeFrom), "addclosefrom_np");

            Libc.sigemptyset(sigs);
            Libc.posix_spawnattr_setsigmask(attr, sigs);
            Libc.sigfillset(sigs);
            Libc.posix_spawnattr_setsigdefault(attr, sigs);
            Libc.posix_spawnattr_setflags(attr, (short)(Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF));

            var argvPtrs = new nint[argv.Count + 1];
            for (var i = 0; i < argv.Count; i++)
            {
                argvPtrs[i] = Utf8(argv[i], allocations);
            }
            nint envp0 = 0;
            int pid;
            fixed (nint* argvP = argvPtrs)
            {
                var rc = Libc.posix_spawn(&pid, (byte*)argvPtrs[0], actions, attr, (byte**)argvP, (byte**)&envp0);
                if (rc != 0)
                {
                    throw new SandboxUnavailableException($"posix_spawn {argv[0]} failed: errno {rc}");
                }
            }
            return pid;
        }
        finally
        {
            foreach (var p in allocations)
            {
                Marshal.FreeHGlobal(p);
            }
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attr);
        }
    }

    private static unsafe (int Rc, int Status, int Errno) TryWait(int pid)
    {
        int status;
        var rc = Libc.waitpid(pid, &status, Libc.WNOHANG);
        return (rc, status, rc < 0 ? Marshal.GetLastPInvokeError() : 0);
    }

    private static unsafe nint Utf8(string s, List<nint> allocations)
    {
        if (s.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("argument contains NUL", nameof(s));
        }
        var bytes = Encoding.UTF8.GetBytes(s);
        var p = Marshal.AllocHGlobal(bytes.Length + 1);
        allocations.Add(p);
        Marshal.Copy(bytes, 0, p, bytes.Length);
        ((byte*)p)[bytes.Length] = 0;
        return p;
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new SandboxUnavailableException($"posix_spawn {what} failed: errno {rc}");
        }
    }

    /// <summary>This process's children (inherited ones included: the supervisor is a subreaper) whose real uid is
    /// <paramref name="uid"/>, from /proc; gone ones are skipped.</summary>
    public static List<int> ChildrenOwnedBy(int uid) =>
        [.. ProcStatus.Pids().Where(pid => ProcStatus.Read(pid) is { } s && s.ParentPid == Environment.ProcessId && s.RealUid == uid)];

    /// <summary>Reaps a child without blocking a thread for long: bwrap exits right after its sandbox.</summary>
    public static async Task<int?> ReapAsync(int pid, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var (rc, status, errno) = TryWait(pid);
            if (rc == pid)
            {
                return status;
            }
            if (rc < 0 && errno != Libc.EINTR)
            {
                return null; // ECHILD: already reaped
            }
            if (Environment.TickCount64 > deadline)
            {
                Libc.kill(pid, Libc.SIGKILL);
                deadline = long.MaxValue;
            }
            await Task.Delay(2).ConfigureAwait(false);
        }
    }
}
