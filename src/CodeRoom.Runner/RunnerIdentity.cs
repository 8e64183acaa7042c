using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Configuration;

namespace CodeRoom.Runner;

public sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>RUNNER_ID: 0-99. Unset: the lowest id no other runner on this host holds.</summary>
    [Range(0, MaxRunners - 1)] public int? Id { get; set; }

    /// <summary>Test hook for the poison-job test only: a runner that judges code containing this text dies at once
    /// (Environment.FailFast), as a job that crashes its runner every time would. Never set in production.</summary>
    public string? TestCrashMarker { get; set; }

    public const int MaxRunners = 100;

    /// <summary>Uids per runner: its run slots and standby slots (warm sandboxes, compile servers) must fit.</summary>
    public const int UidStride = 100;
}

/// <summary>
/// Who this runner is on its host. Several runners may share one: runner N gets its own uid range (the configured
/// FirstSlotUid + 100 * (N + 1)), cgroup subtree ("&lt;CgroupName&gt;-runner-N") and box root (".../runner-N/boxes",
/// whose parent also holds the uid locks), so none can touch another's runs. The id is held with a lock file for the
/// process's life: a second runner with the same id refuses to start, and the holder may clean up what a killed
/// predecessor with its id left.
/// </summary>
public sealed class RunnerIdentity : IDisposable
{
    private readonly FileStream _lock;

    private RunnerIdentity(int id, FileStream held, SandboxOptions sandbox)
    {
        Id = id;
        _lock = held;
        Sandbox = sandbox;
    }

    public int Id { get; }

    /// <summary>The sandbox settings of this runner (what <see cref="Overrides"/> puts into the configuration).</summary>
    public SandboxOptions Sandbox { get; }

    public static RunnerIdentity Acquire(IConfiguration configuration)
    {
        var baseOptions = new SandboxOptions();
        configuration.GetSection(SandboxOptions.Section).Bind(baseOptions);
        var perRunner = baseOptions.Slots + Math.Max(baseOptions.StandbySlots, 1);
        if (perRunner > RunnerOptions.UidStride)
        {
            throw new RunnerConfigurationException(
                $"Sandbox:Slots + Sandbox:StandbySlots is {perRunner}; a runner has {RunnerOptions.UidStride} uids at most");
        }
        var home = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(baseOptions.BoxRoot)) ?? "/var/lib/coderoom";
        var lockDirectory = Path.Combine(home, "runners");
        Directory.CreateDirectory(lockDirectory);

        int? wanted = null;
        if (configuration["Runner:Id"] is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed >= RunnerOptions.MaxRunners)
            {
                throw new RunnerConfigurationException($"RUNNER_ID must be a number from 0 to {RunnerOptions.MaxRunners - 1}, not '{text}'");
            }
            wanted = parsed;
        }
        foreach (var id in wanted is { } w ? [w] : Enumerable.Range(0, RunnerOptions.MaxRunners))
        {
            if (TryLock(Path.Combine(lockDirectory, id.ToString(CultureInfo.InvariantCulture) + ".lock")) is { } held)
            {
                return new RunnerIdentity(id, held, ForRunner(baseOptions, home, id));
            }
        }
        throw new RunnerConfigurationException(wanted is { } taken
            ? $"RUNNER_ID {taken} is already running on this host (lock {lockDirectory}/{taken}.lock)"
            : $"all {RunnerOptions.MaxRunners} runner ids on this host are taken");
    }

    private static SandboxOptions ForRunner(SandboxOptions b, string home, int id) => new()
    {
        BwrapPath = b.BwrapPath,
        SetprivPath = b.SetprivPath,
        PrlimitPath = b.PrlimitPath,
        BoxRoot = Path.Combine(home, "runner-" + id.ToString(CultureInfo.InvariantCulture), "boxes"),
        FirstSlotUid = b.FirstSlotUid + (RunnerOptions.UidStride * (id + 1)),
        Slots = b.Slots,
        StandbySlots = b.StandbySlots,
        CgroupName = b.CgroupName + "-runner-" + id.ToString(CultureInfo.InvariantCulture),
        PollIntervalMs = b.PollIntervalMs,
    };

    public Dictionary<string, string?> Overrides() => new()
    {
        ["Runner:Id"] = Id.ToString(CultureInfo.InvariantCulture),
        ["Sandbox:BoxRoot"] = Sandbox.BoxRoot,
        ["Sandbox:FirstSlotUid"] = Sandbox.FirstSlotUid.ToString(CultureInfo.InvariantCulture),
        ["Sandbox:CgroupName"] = Sandbox.CgroupName,
    };

    private static FileStream? TryLock(string path)
    {
        try
        {
            // FileShare.None is an flock(LOCK_EX) on Linux, released by the kernel when the process dies (even kill -9).
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>A configuration error at start: printed as one line naming the variable, exit code 2.</summary>
public sealed class RunnerConfigurationException(string message) : Exception(message);
