using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Compile sandboxes built ahead of time for the languages that compile cold (C++, Go, Rust, TypeScript: no compile
/// server): namespaces made and cgroups joined, each waits on a standby slot with an empty box of its own bound
/// writable, before its compiler has started. A compile takes one, writes the candidate's files into its box and
/// releases it, so bubblewrap's start-up (5-10 ms here) is off the compile's path; that box is then the judge's box.
/// They are held sandboxes (<see cref="ISandbox.TryPrepareHeldAsync"/>): the compiler itself starts only on release.
/// </summary>
/// <remarks>
/// One per language, prepared with the spec of that language's last compile: a taken sandbox runs exactly the compile
/// a cold one would (command, mounts, environment, limits); a spec that differs (a setting changed, the prebuilt
/// artifacts rebuilt) retires the waiting one and the compile starts cold. The replacement is prepared once the judge
/// that took one is done (<see cref="Replenish"/>), so that it never slows the run it follows.
/// Nothing of the candidate's has run in a waiting sandbox or its box.
/// </remarks>
public sealed partial class CompileSandboxPool : IAsyncDisposable
{
    private readonly ISandbox _sandbox;
    private readonly JudgeOptions _options;
    private readonly ILogger<CompileSandboxPool> _logger;
    private readonly ConcurrentDictionary<LanguageId, Entry> _entries = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public CompileSandboxPool(ISandbox sandbox, IOptions<JudgeOptions> options, ILogger<CompileSandboxPool> logger)
    {
        _sandbox = sandbox;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A compile sandbox waiting for its files, and its box. Whoever takes it owns both.</summary>
    public sealed class Ready(IPreparedSandbox prepared, SandboxBox box) : IAsyncDisposable
    {
        public IPreparedSandbox Prepared => prepared;
        public SandboxBox Box => box;

        public async ValueTask DisposeAsync()
        {
            await prepared.DisposeAsync().ConfigureAwait(false);
            box.Dispose();
        }
    }

    /// <summary>One language's place: the waiting sandbox (if any), the spec it was made with, and whether one is being made.</summary>
    private sealed class Entry
    {
        public readonly Lock Lock = new();
        public Ready? Waiting;
        public string? Fingerprint;
        public bool Preparing;
    }

    /// <summary>The language's waiting compile sandbox if it was made with this spec (its working directory aside) and is
    /// still alive and young enough; else null, and the caller compiles cold.</summary>
    public Ready? TryTake(LanguageId language, SandboxSpec spec)
    {
        if (!Enabled || !_entries.TryGetValue(language, out var entry))
        {
            return null;
        }
        Ready? taken;
        lock (entry.Lock)
        {
            taken = entry.Waiting;
            entry.Waiting = null;
            if (taken is not null && entry.Fingerprint != Fingerprint(spec))
            {
                _ = RetireAsync(taken);
                taken = null;
            }
        }
        if (taken is not null && (taken.Prepared.HasExited
            || Stopwatch.GetElapsedTime(taken.Prepared.PreparedAtTimestamp) > TimeSpan.FromSeconds(_options.WarmSandboxMaxAgeSeconds)))
        {
            _ = RetireAsync(taken);
            taken = null;
        }
        Telemetry.JudgeTelemetry.CompileSandboxRequests.Add(1, Telemetry.JudgeTelemetry.Language(language),
            Telemetry.JudgeTelemetry.CacheResult(taken is not null));
        return taken;
    }

    /// <summary>After a compile of the language: makes a sandbox wait for the next one, with this compile's spec, unless
    /// one with it waits already.</summary>
    public void Replenish(LanguageId language, SandboxSpec spec)
    {
        if (!Enabled)
        {
            return;
        }
        var entry = _entries.GetOrAdd(language, _ => new Entry());
        var fingerprint = Fingerprint(spec);
        lock (entry.Lock)
        {
            if (entry.Preparing || entry.Waiting is not null && entry.Fingerprint == fingerprint)
            {
                return;
            }
            if (entry.Waiting is { } stale)
            {
                entry.Waiting = null;
                _ = RetireAsync(stale);
            }
            entry.Preparing = true;
            entry.Fingerprint = fingerprint;
        }
        _ = PrepareAsync(entry, spec, fingerprint);
    }

    /// <summary>The languages whose compile sandbox waits now.</summary>
    public IReadOnlyList<LanguageId> Snapshot() => [.. _entries.Keys.Where(l => WaitingBox(l) is not null).Order()];

    /// <summary>The box of the language's waiting compile sandbox, if one waits.</summary>
    internal string? WaitingBox(LanguageId language)
    {
        if (!_entries.TryGetValue(language, out var entry))
        {
            return null;
        }
        lock (entry.Lock)
        {
            return entry.Waiting?.Box.Path;
        }
    }

    private bool Enabled => _options.WarmCompileSandboxes && Volatile.Read(ref _disposed) == 0;

    private async Task PrepareAsync(Entry entry, SandboxSpec spec, string fingerprint)
    {
        SandboxBox? box = null;
        Ready? ready = null;
        try
        {
            // Off the judge's path: the caller goes on at once.
            await Task.Yield();
            box = _sandbox.CreateBox();
            // Held: built up to the compiler's start, which waits for the release. Null when no standby slot is free:
            // then nothing waits, and the next compile starts cold (and tries again after it).
            if (await _sandbox.TryPrepareHeldAsync(spec with { WorkingDirectory = box.Path }, _stopping.Token).ConfigureAwait(false) is { } prepared)
            {
                ready = new Ready(prepared, box);
                box = null;
            }
            else
            {
                box.Dispose();
                box = null;
            }
        }
        catch (Exception e) when (e is SandboxUnavailableException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            if (e is SandboxUnavailableException)
            {
                LogPrepareFailed(e, e.Message);
            }
            box?.Dispose();
        }
        Ready? unwanted = null;
        lock (entry.Lock)
        {
            entry.Preparing = false;
            if (ready is not null && entry.Waiting is null && entry.Fingerprint == fingerprint && Volatile.Read(ref _disposed) == 0)
            {
                entry.Waiting = ready;
            }
            else
            {
                unwanted = ready;
            }
        }
        if (unwanted is not null)
        {
            await RetireAsync(unwanted).ConfigureAwait(false);
        }
    }

    private async Task RetireAsync(Ready ready)
    {
        try
        {
            await ready.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Removing a sandbox nobody uses: logged, never thrown over a judge.
            LogRetireFailed(e, e.Message);
        }
    }

    /// <summary>Everything of a spec that decides what the compile does, except its working directory (each waiting
    /// sandbox has a box of its own). Two specs with the same fingerprint run the same compile.</summary>
    internal static string Fingerprint(SandboxSpec spec)
    {
        var text = new StringBuilder();
        foreach (var arg in spec.Command)
        {
            text.Append(arg).Append('\0');
        }
        text.Append('\u0001');
        foreach (var (name, value) in spec.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value).Append('\0');
        }
        text.Append('\u0001');
        foreach (var mount in spec.ExtraMounts)
        {
            text.Append(mount).Append('\0');
        }
        text.Append('\u0001').Append(spec.WorkingDirectoryInSandbox).Append('\0').Append(spec.WorkingDirectoryWritable)
            .Append('\u0001').Append(spec.Limits).Append('\u0001').Append(spec.KeepStdinOpen);
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var entry in _entries.Values)
        {
            Ready? waiting;
            lock (entry.Lock)
            {
                waiting = entry.Waiting;
                entry.Waiting = null;
            }
            if (waiting is not null)
            {
                await RetireAsync(waiting).ConfigureAwait(false);
            }
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing a compile sandbox ahead of time failed (compiles start cold): {Reason}")]
    private partial void LogPrepareFailed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removing a compile sandbox prepared ahead of time failed: {Reason}")]
    private partial void LogRetireFailed(Exception exception, string reason);
}
