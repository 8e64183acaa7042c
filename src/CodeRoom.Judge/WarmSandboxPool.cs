using System.Collections.Concurrent;
using System.Diagnostics;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Sandboxes started ahead of time (Python, Java): namespaces made, cgroups joined, the runtime started and its
/// harness loaded, waiting for the header that brings the code (Python) or the compiled classes (Java). A run takes
/// one and a new one is prepared in the background, so a request pays neither bubblewrap's nor the runtime's
/// start-up. Each prepared sandbox holds a standby slot (a uid of its own, apart from the run slots) while it waits,
/// and runs exactly once; old ones are retired.
/// </summary>
public sealed partial class WarmSandboxPool : IAsyncDisposable
{
    private readonly ISandbox _sandbox;
    private readonly IReadOnlyDictionary<LanguageId, ILanguageToolchain> _languages;
    private readonly JudgeOptions _options;
    private readonly ILogger<WarmSandboxPool> _logger;
    private readonly ConcurrentDictionary<(LanguageId Language, int MemoryMb), ConcurrentQueue<WarmSandbox>> _ready = new();
    private readonly ConcurrentDictionary<(LanguageId Language, int MemoryMb), int> _preparing = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<LanguageId, (int Failures, long SinceTimestamp)> _failures = new();
    private int _disposed;

    /// <summary>Warm sandboxes of one language that failed in a row before it is set aside (runs start cold).</summary>
    public const int FailuresBeforePause = 3;

    /// <summary>How long a language whose warm sandboxes keep failing is set aside before they are tried again.</summary>
    public static readonly TimeSpan FailurePause = TimeSpan.FromMinutes(5);

    private readonly PrebuiltArtifacts _prebuilt;

    public WarmSandboxPool(ISandbox sandbox, IEnumerable<ILanguageToolchain> languages, PrebuiltArtifacts prebuilt,
        IOptions<JudgeOptions> options, ILogger<WarmSandboxPool> logger)
    {
        _sandbox = sandbox;
        _prebuilt = prebuilt;
        _languages = languages.ToDictionary(l => l.Id);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A prepared sandbox and its box; disposing it removes both.</summary>
    public sealed class WarmSandbox(IPreparedSandbox prepared, SandboxBox box, BuildPlan plan) : IAsyncDisposable
    {
        private int _disposed;

        public IPreparedSandbox Prepared => prepared;
        public BuildPlan Plan => plan;

        /// <summary>Called once the sandbox is gone (the pool prepares its replacement then).</summary>
        internal Action? OnDisposed { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            await prepared.DisposeAsync().ConfigureAwait(false);
            box.Dispose();
            OnDisposed?.Invoke();
        }
    }

    /// <summary>The limits a warm sandbox is started with. CPU and wall time are set per run; the RLIMIT_CPU backstop
    /// fixed at start must be above any run's CPU limit.</summary>
    public SandboxLimits Limits(BuildPlan plan, int memoryMb) => new()
    {
        CpuTime = TimeSpan.FromMinutes(2),
        WallTime = TimeSpan.FromMinutes(10),
        MemoryBytes = memoryMb * 1024L * 1024,
        MaxProcesses = plan.MaxProcesses,
        OutputBytes = _options.OutputLimitBytes,
        TmpBytes = _options.TmpSizeMb * 1024L * 1024,
        StackBytes = memoryMb * 1024L * 1024,
    };

    /// <summary>A ready sandbox for this language and memory limit, or null (the caller starts one the usual way). Either
    /// way a replacement is prepared in the background.</summary>
    public WarmSandbox? TryTake(LanguageId language, int memoryMb)
    {
        if (_options.WarmSandboxes <= 0 || Volatile.Read(ref _disposed) != 0
            || !_languages.TryGetValue(language, out var toolchain) || toolchain.WarmPlan(memoryMb) is null)
        {
            return null;
        }
        var key = (language, memoryMb);
        var queue = _ready.GetOrAdd(key, _ => new ConcurrentQueue<WarmSandbox>());
        if (SetAside(language))
        {
            // Any prepared before the last failure was counted go too: they hold standby slots for nothing.
            while (queue.TryDequeue(out var idle))
            {
                _ = RetireAsync(idle);
            }
            return null;
        }
        WarmSandbox? taken = null;
        while (queue.TryDequeue(out var candidate))
        {
            var age = Stopwatch.GetElapsedTime(candidate.Prepared.PreparedAtTimestamp);
            if (!candidate.Prepared.HasExited && age < TimeSpan.FromSeconds(_options.WarmSandboxMaxAgeSeconds))
            {
                taken = candidate;
                break;
            }
            _ = RetireAsync(candidate);
        }
        Telemetry.JudgeTelemetry.WarmPoolRequests.Add(1, Telemetry.JudgeTelemetry.Language(language),
            Telemetry.JudgeTelemetry.CacheResult(taken is not null));
        if (taken is null)
        {
            Refill(key, toolchain);
        }
        else
        {
            // The replacement starts when this one is done: a runtime starting up on a 2-core machine would slow
            // down the very run that took this one (a JVM's start-up is half a second of CPU on several threads).
            taken.OnDisposed = () => Refill(key, toolchain);
        }
        return taken;
    }

    /// <summary>A warm sandbox of this language got as far as running the code: its failures in a row start again.</summary>
    public void ReportWorked(LanguageId language) => _failures.TryRemove(language, out _);

    /// <summary>A warm sandbox of this language failed before the code could run in it (its run went on cold). After
    /// <see cref="FailuresBeforePause"/> in a row the language's warm sandboxes are set aside for
    /// <see cref="FailurePause"/>: a runtime that is broken for good (a bad upgrade) would otherwise cost every run its
    /// start budget before the cold start.</summary>
    public void ReportFailed(LanguageId language)
    {
        var now = Stopwatch.GetTimestamp();
        var (failures, _) = _failures.AddOrUpdate(language, (1, now), (_, f) => (f.Failures + 1, now));
        if (failures == FailuresBeforePause)
        {
            LogSetAside(language, failures, FailurePause.TotalMinutes);
        }
    }

    private bool SetAside(LanguageId language)
    {
        if (!_failures.TryGetValue(language, out var f) || f.Failures < FailuresBeforePause)
        {
            return false;
        }
        if (Stopwatch.GetElapsedTime(f.SinceTimestamp) < FailurePause)
        {
            return true;
        }
        // Tried again after the pause; one more failure sets the language aside again.
        _failures.TryUpdate(language, (FailuresBeforePause - 1, f.SinceTimestamp), f);
        return false;
    }

    /// <summary>Ready warm sandboxes per language and memory limit, for the admin live panel and the metrics.</summary>
    public IReadOnlyList<(LanguageId Language, int MemoryMb, int Ready)> Snapshot() =>
        [.. _ready.Select(kv => (kv.Key.Language, kv.Key.MemoryMb, kv.Value.Count)).OrderBy(x => x.Language).ThenBy(x => x.MemoryMb)];

    private void Refill((LanguageId Language, int MemoryMb) key, ILanguageToolchain toolchain)
    {
        if (SetAside(key.Language))
        {
            return; // nothing kept waiting on a standby slot for runs that will not take it
        }
        var queue = _ready.GetOrAdd(key, _ => new ConcurrentQueue<WarmSandbox>());
        var preparing = _preparing.AddOrUpdate(key, 1, (_, n) => n + 1);
        // WarmSandboxes per language and memory limit. They wait on standby slots, never on the slots runs need.
        if (queue.Count + preparing > _options.WarmSandboxes)
        {
            _preparing.AddOrUpdate(key, 0, (_, n) => n - 1);
            return;
        }
        _ = PrepareAsync(key, toolchain, queue);
    }

    private async Task PrepareAsync((LanguageId Language, int MemoryMb) key, ILanguageToolchain toolchain, ConcurrentQueue<WarmSandbox> queue)
    {
        SandboxBox? box = null;
        try
        {
            // Off the request's path: yield first so that the caller goes on with its own run at once.
            await Task.Yield();
            var plan = await _prebuilt.MountAsync(toolchain, toolchain.WarmPlan(key.MemoryMb)!, _stopping.Token).ConfigureAwait(false);
            box = _sandbox.CreateBox();
            foreach (var (name, contents) in plan.Files)
            {
                box.WriteFile(name, contents);
            }
            var prepared = await _sandbox.PrepareStandbyAsync(new SandboxSpec
            {
                Command = plan.RunCommand,
                WorkingDirectory = box.Path,
                ExtraMounts = plan.Mounts,
                Environment = plan.Environment,
                Limits = Limits(plan, key.MemoryMb),
            }, _stopping.Token).ConfigureAwait(false);
            var warm = new WarmSandbox(prepared, box, plan);
            box = null;
            if (Volatile.Read(ref _disposed) != 0)
            {
                await warm.DisposeAsync().ConfigureAwait(false);
                return;
            }
            queue.Enqueue(warm);
        }
        catch (Exception e) when (e is SandboxUnavailableException or OperationCanceledException or IOException)
        {
            if (e is SandboxUnavailableException)
            {
                LogPrepareFailed(e, key.Language);
            }
            box?.Dispose();
        }
        finally
        {
            _preparing.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    private static async Task RetireAsync(WarmSandbox warm) => await warm.DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var queue in _ready.Values)
        {
            while (queue.TryDequeue(out var warm))
            {
                await warm.DisposeAsync().ConfigureAwait(false);
            }
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Failures} warm {Language} sandboxes in a row failed before the code could run; its runs start cold for {Minutes} minutes")]
    private partial void LogSetAside(LanguageId language, int failures, double minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing a warm {Language} sandbox failed; runs start sandboxes on demand")]
    private partial void LogPrepareFailed(Exception exception, LanguageId language);
}
