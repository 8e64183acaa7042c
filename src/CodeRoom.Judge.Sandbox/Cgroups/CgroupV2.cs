using System.Globalization;

namespace CodeRoom.Judge.Sandbox.Cgroups;

/// <summary>
/// cgroup v2 (unified): one directory per run under a delegated subtree. memory.max with swap off, memory.peak
/// (kernel 5.19+), memory.events oom_kill, pids.max, cpu.stat usage_usec, and cgroup.kill for teardown.
/// </summary>
internal sealed class CgroupV2Hierarchy : ICgroupHierarchy
{
    private readonly string _root;

    public CgroupV2Hierarchy(string serviceCgroup, string name)
    {
        // v2's "no internal processes" rule: a cgroup that delegates controllers to children holds no processes.
        // Move the service into a leaf of its own first (as isolate and go-judge do), then enable the controllers.
        var leaf = Path.Combine(serviceCgroup, "supervisor");
        if (CgroupFiles.ReadPids(serviceCgroup).Count > 0)
        {
            CgroupFiles.CreateDirectory(leaf);
            foreach (var pid in CgroupFiles.ReadPids(serviceCgroup))
            {
                try
                {
                    CgroupFiles.Write(leaf, "cgroup.procs", pid.ToString(CultureInfo.InvariantCulture));
                }
                catch (SandboxUnavailableException) when (!File.Exists($"/proc/{pid}/stat"))
                {
                    // exited meanwhile
                }
            }
        }
        EnableControllers(serviceCgroup);
        _root = Path.Combine(serviceCgroup, name);
        CgroupFiles.CreateDirectory(_root);
        EnableControllers(_root);
    }

    public string Description => $"cgroup v2: {_root}";

    private static void EnableControllers(string dir)
    {
        var available = CgroupFiles.Read(dir, "cgroup.controllers").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var controller in new[] { "memory", "pids", "cpu" })
        {
            if (!available.Contains(controller))
            {
                throw new SandboxUnavailableException($"cgroup v2 controller '{controller}' is not delegated to {dir}");
            }
        }
        CgroupFiles.Write(dir, "cgroup.subtree_control", "+memory +pids +cpu");
    }

    public IRunCgroup Create(string name, long memoryBytes, int maxProcesses)
    {
        var dir = Path.Combine(_root, name);
        var run = new CgroupV2Run(dir);
        try
        {
            CgroupFiles.CreateDirectory(dir);
            CgroupFiles.Write(dir, "memory.max", memoryBytes.ToString(CultureInfo.InvariantCulture));
            CgroupFiles.Write(dir, "memory.swap.max", "0");
            CgroupFiles.Write(dir, "memory.oom.group", "1");
            CgroupFiles.Write(dir, "pids.max", maxProcesses.ToString(CultureInfo.InvariantCulture));
            return run;
        }
        catch
        {
            run.DestroyAsync(CancellationToken.None).GetAwaiter().GetResult();
            throw;
        }
    }

    private sealed class CgroupV2Run(string dir) : IRunCgroup
    {
        public string Description => dir;

        public void AddProcess(int pid) => CgroupFiles.Write(dir, "cgroup.procs", pid.ToString(CultureInfo.InvariantCulture));

        public TimeSpan CpuUsage() => TimeSpan.FromTicks(CgroupFiles.ReadKey(dir, "cpu.stat", "usage_usec") * 10);

        public long PeakMemoryBytes() =>
            File.Exists(Path.Combine(dir, "memory.peak")) ? CgroupFiles.ReadLong(dir, "memory.peak") : CgroupFiles.ReadLong(dir, "memory.current");

        // memory.peak can only be reset per open file descriptor (kernel 6.12+); we report the run's peak instead.
        public bool TryResetPeakMemory() => false;

        public long OomKills() => CgroupFiles.ReadKey(dir, "memory.events", "oom_kill");

        public IReadOnlyList<int> Processes() => Directory.Exists(dir) ? CgroupFiles.ReadPids(dir) : [];

        public async Task DestroyAsync(CancellationToken cancellationToken)
        {
            if (File.Exists(Path.Combine(dir, "cgroup.kill")))
            {
                CgroupFiles.Write(dir, "cgroup.kill", "1");
            }
            await CgroupFiles.KillAndRemoveAsync([dir], cancellationToken).ConfigureAwait(false);
        }
    }
}
