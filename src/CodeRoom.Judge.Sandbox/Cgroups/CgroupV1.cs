using System.Globalization;

namespace CodeRoom.Judge.Sandbox.Cgroups;

/// <summary>
/// cgroup v1 (and hybrid hosts, like these machines): one directory per controller. memory limits RAM+swap and
/// reports the peak and OOM kills, pids caps processes and threads, cpuacct counts CPU time in nanoseconds.
/// </summary>
internal sealed class CgroupV1Hierarchy : ICgroupHierarchy
{
    private readonly string _memoryRoot;
    private readonly string _pidsRoot;
    private readonly string _cpuacctRoot;

    public CgroupV1Hierarchy(string memoryRoot, string pidsRoot, string cpuacctRoot)
    {
        _memoryRoot = memoryRoot;
        _pidsRoot = pidsRoot;
        _cpuacctRoot = cpuacctRoot;
        foreach (var root in new[] { memoryRoot, pidsRoot, cpuacctRoot })
        {
            CgroupFiles.CreateDirectory(root);
        }
    }

    public string Description => $"cgroup v1: {_memoryRoot}, {_pidsRoot}, {_cpuacctRoot}";

    public IRunCgroup Create(string name, long memoryBytes, int maxProcesses)
    {
        var memory = Path.Combine(_memoryRoot, name);
        var pids = Path.Combine(_pidsRoot, name);
        var cpu = Path.Combine(_cpuacctRoot, name);
        var run = new CgroupV1Run(memory, pids, cpu);
        try
        {
            CgroupFiles.CreateDirectory(memory);
            CgroupFiles.CreateDirectory(pids);
            CgroupFiles.CreateDirectory(cpu);
            var bytes = memoryBytes.ToString(CultureInfo.InvariantCulture);
            CgroupFiles.Write(memory, "memory.limit_in_bytes", bytes);
            // RAM + swap: with swap accounting on, the same number means "no swap".
            if (File.Exists(Path.Combine(memory, "memory.memsw.limit_in_bytes")))
            {
                CgroupFiles.Write(memory, "memory.memsw.limit_in_bytes", bytes);
            }
            CgroupFiles.Write(memory, "memory.swappiness", "0");
            CgroupFiles.Write(pids, "pids.max", maxProcesses.ToString(CultureInfo.InvariantCulture));
            return run;
        }
        catch
        {
            run.DestroyAsync(CancellationToken.None).GetAwaiter().GetResult();
            throw;
        }
    }

    private sealed class CgroupV1Run(string memory, string pids, string cpu) : IRunCgroup
    {
        public string Description => memory;

        public void AddProcess(int pid)
        {
            var text = pid.ToString(CultureInfo.InvariantCulture);
            CgroupFiles.Write(memory, "cgroup.procs", text);
            CgroupFiles.Write(pids, "cgroup.procs", text);
            CgroupFiles.Write(cpu, "cgroup.procs", text);
        }

        public TimeSpan CpuUsage() => TimeSpan.FromTicks(CgroupFiles.ReadLong(cpu, "cpuacct.usage") / 100);

        public long PeakMemoryBytes() => CgroupFiles.ReadLong(memory, "memory.max_usage_in_bytes");

        public bool TryResetPeakMemory()
        {
            CgroupFiles.Write(memory, "memory.max_usage_in_bytes", "0");
            return true;
        }

        public long OomKills() => CgroupFiles.ReadKey(memory, "memory.oom_control", "oom_kill");

        public IReadOnlyList<int> Processes() => Directory.Exists(pids) ? CgroupFiles.ReadPids(pids) : [];

        public Task DestroyAsync(CancellationToken cancellationToken) =>
            CgroupFiles.KillAndRemoveAsync([pids, memory, cpu], cancellationToken);
    }
}
