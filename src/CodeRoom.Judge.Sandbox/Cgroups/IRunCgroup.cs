namespace CodeRoom.Judge.Sandbox.Cgroups;

/// <summary>The cgroup(s) of one run: limits in, kernel measurements out, and a guaranteed-empty teardown.</summary>
internal interface IRunCgroup
{
    string Description { get; }
    void AddProcess(int pid);
    TimeSpan CpuUsage();
    long PeakMemoryBytes();
    /// <summary>Resets the peak-memory counter where the kernel allows it; returns whether it did.</summary>
    bool TryResetPeakMemory();
    long OomKills();
    IReadOnlyList<int> Processes();
    /// <summary>Kills every process left in the cgroup, waits until it is empty and removes it.</summary>
    Task DestroyAsync(CancellationToken cancellationToken);
}

/// <summary>Where runs' cgroups are created: a subtree under the service's own cgroup, v1 or v2.</summary>
internal interface ICgroupHierarchy
{
    string Description { get; }
    IRunCgroup Create(string name, long memoryBytes, int maxProcesses);
}
