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
/// A compiler that waits for its stdin's end on its own (<see cref="Languages.BuildPlan.CompilerWaitsForStdin"/>, rustc)
/// is started too (<see cref="ISandbox.TryPrepareStartedAsync"/>), at normal priority: it waits loaded, and the
/// compile closes its stdin once the files are in the box.
/// </summary>
/// <remarks>
/// One per compile spec, made with the spec of a compile that just ran (at most <see cref="SpecsPerLanguage"/> specs per
/// language): a taken sandbox runs exactly the compile a cold one would (command, mounts, environment, limits), and a
/// compile whose spec has none waiting (a setting changed, the prebuilt artifacts rebuilt) starts cold. The replacement
/// is prepared once the judge that took one is done (<see cref="Replenish"/>), so that it never slows the run it
/// follows. Nothing of the candidate's has run in a waiting sandbox or its box.
/// </remarks>
public sealed partial class CompileSandboxPool : IAsyncDisposable
{
    private readonly ISandbox _sandbox;
    private readonly JudgeOptions _options;
    private readonly ILogger<CompileSandboxPool> _logger;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _inFlight = [];
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

    /// <summary>What a compile spec's sandboxes are for: Run's and Submit's compile, or the editor's live check (a check
    /// of its own spec, <see cref="Checking.CodeChecker"/>).</summary>
    public enum Purpose
    {
        Run,
        Check,
    }

    /// <summary>A compile sandbox waiting now (the admin live panel): its language and purpose, whether its compiler is
    /// started and loaded (else the sandbox waits before it), and how long it has waited.</summary>
    public sealed record WaitingCompile(LanguageId Language, Purpose Purpose, bool CompilerStarted, TimeSpan Age);

    /// <summary>One compile spec's place: the waiting sandbox (if any), and whether one is being made.</summary>
    private sealed class Entry(LanguageId language, Purpose purpose, bool compilerStarts)
    {
        public readonly Lock Lock = new();
        public LanguageId Language => language;
        public Purpose Purpose => purpose;

        /// <summary>The compiler itself starts and waits for its stdin's end (else the sandbox waits before it).</summary>
        public bool CompilerStarts => compilerStarts;
        public Ready? Waiting;
        public bool Preparing;

        /// <summary>When a compile of this spec last ran (the monotonic clock): the least recently used spec goes first.</summary>
        public long LastUsed = Stopwatch.GetTimestamp();
    }

    /// <summary>Compile specs per language that keep a sandbox waiting: a Go compile's environment carries the problem's
    /// memory limit, so two problems' Go compiles are two specs; a third evicts the least recently used.</summary>
    public const int SpecsPerLanguage = 2;

    /// <summary>A compile sandbox made with exactly this spec (its working directory aside), still alive and young
    /// enough; else null, and the caller compiles cold.</summary>
    public Ready? TryTake(LanguageId language, SandboxSpec spec)
    {
        if (!Enabled || !_entries.TryGetValue(Key(language, spec), out var entry))
        {
            return null;
        }
        Ready? taken;
        lock (entry.Lock)
        {
            taken = entry.Waiting;
            entry.Waiting = null;
            entry.LastUsed = Stopwatch.GetTimestamp();
        }
        if (taken is not null && (taken.Prepared.HasExited
            || Stopwatch.GetElapsedTime(taken.Prepared.PreparedAtTimestamp) > TimeSpan.FromSeconds(_options.WarmSandboxMaxAgeSeconds)))
        {
            Track(RetireAsync(taken));
            taken = null;
        }
        Telemetry.JudgeTelemetry.CompileSandboxRequests.Add(1, Telemetry.JudgeTelemetry.Language(language),
            Telemetry.JudgeTelemetry.CacheResult(taken is not null));
        return taken;
    }

    /// <summary>
    /// <see cref="TryTake"/>, with the plan's files written into the taken sandbox's box, which the caller owns from then
    /// on (and its own box no longer serves). A write that fails removes the taken sandbox and its box, and throws.
    /// </summary>
    public async Task<Ready?> TryTakeWithFilesAsync(LanguageId language, SandboxSpec spec, IReadOnlyDictionary<string, string> files)
    {
        if (TryTake(language, spec) is not { } taken)
        {
            return null;
        }
        try
        {
            foreach (var (name, contents) in files)
            {
                taken.Box.WriteFile(name, contents);
            }
            return taken;
        }
        catch
        {
            await taken.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>After a compile: makes a sandbox wait for the next compile with this spec, unless one waits or is being
    /// made already; the language's least recently used spec beyond <see cref="SpecsPerLanguage"/> is dropped. With the
    /// plan's <see cref="Languages.BuildPlan.CompilerWaitsForStdin"/>, the compiler is started in the waiting sandbox too.</summary>
    public void Replenish(LanguageId language, SandboxSpec spec, bool compilerWaitsForStdin = false, Purpose purpose = Purpose.Run)
    {
        if (!Enabled)
        {
            return;
        }
        var key = Key(language, spec);
        var added = false;
        var entry = _entries.GetOrAdd(key, _ =>
        {
            added = true;
            return new Entry(language, purpose, compilerWaitsForStdin);
        });
        var prepare = false;
        lock (entry.Lock)
        {
            entry.LastUsed = Stopwatch.GetTimestamp();
            if (!entry.Preparing && entry.Waiting is null)
            {
                entry.Preparing = true;
                prepare = true;
            }
        }
        // Only a new spec can push the language over its count.
        foreach (var (oldKey, old) in (added ? _entries : []).Where(kv => kv.Value.Language == language).OrderByDescending(kv => Volatile.Read(ref kv.Value.LastUsed))
            .Skip(SpecsPerLanguage).ToList())
        {
            if (_entries.TryRemove(new KeyValuePair<string, Entry>(oldKey, old)))
            {
                Ready? stale;
                lock (old.Lock)
                {
                    stale = old.Waiting;
                    old.Waiting = null;
                }
                if (stale is not null)
                {
                    Track(RetireAsync(stale));
                }
            }
        }
        if (prepare)
        {
            Track(PrepareAsync(key, entry, spec));
        }
    }

    /// <summary>The compile sandboxes waiting now, by language and purpose.</summary>
    public IReadOnlyList<WaitingCompile> Snapshot()
    {
        var waiting = new List<WaitingCompile>();
        foreach (var entry in _entries.Values)
        {
            lock (entry.Lock)
            {
                if (entry.Waiting is { } ready)
                {
                    waiting.Add(new WaitingCompile(entry.Language, entry.Purpose, entry.CompilerStarts,
                        Stopwatch.GetElapsedTime(ready.Prepared.PreparedAtTimestamp)));
                }
            }
        }
        return [.. waiting.OrderBy(w => w.Language).ThenBy(w => w.Purpose)];
    }

    /// <summary>Whether a compile sandbox made with this spec waits now.</summary>
    internal bool Waits(LanguageId language, SandboxSpec spec)
    {
        if (!_entries.TryGetValue(Key(language, spec), out var entry))
        {
            return false;
        }
        lock (entry.Lock)
        {
            return entry.Waiting is not null;
        }
    }

    /// <summary>The box of a waiting compile sandbox of the language, if one waits.</summary>
    internal string? WaitingBox(LanguageId language)
    {
        foreach (var entry in _entries.Values.Where(e => e.Language == language))
        {
            lock (entry.Lock)
            {
                if (entry.Waiting is { } waiting)
                {
                    return waiting.Box.Path;
                }
            }
        }
        return null;
    }

    private bool Enabled => _options.WarmCompileSandboxes && Volatile.Read(ref _disposed) == 0;

    private async Task PrepareAsync(string key, Entry entry, SandboxSpec spec)
    {
        SandboxBox? box = null;
        Ready? ready = null;
        var kept = false;
        try
        {
            // Off the judge's path: the caller goes on at once.
            await Task.Yield();
            box = _sandbox.CreateBox();
            // Held: built up to the compiler's start, which waits for the release; or, for a compiler that waits for its
            // stdin's end itself, with the compiler started. Null when no standby slot is free: then nothing waits, and
            // the next compile starts cold (and tries again after it).
            var boxed = spec with { WorkingDirectory = box.Path };
            var prepared = entry.CompilerStarts
                ? await _sandbox.TryPrepareStartedAsync(boxed, _stopping.Token).ConfigureAwait(false)
                : await _sandbox.TryPrepareHeldAsync(boxed, _stopping.Token).ConfigureAwait(false);
            if (prepared is not null)
            {
                ready = new Ready(prepared, box);
                box = null;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && Volatile.Read(ref _disposed) != 0)
        {
            // The pool stopped meanwhile.
        }
        catch (Exception e)
        {
            // Whatever it was, this spec is tried again after its next compile.
            LogPrepareFailed(e, e.Message);
        }
        finally
        {
            box?.Dispose();
            lock (entry.Lock)
            {
                entry.Preparing = false;
                // Not kept once the pool stopped or the spec was dropped meanwhile (a third spec of the language came).
                if (ready is not null && entry.Waiting is null && Volatile.Read(ref _disposed) == 0
                    && _entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    entry.Waiting = ready;
                    kept = true;
                }
            }
        }
        if (!kept && ready is not null)
        {
            await RetireAsync(ready).ConfigureAwait(false);
        }
    }

    /// <summary>A preparation or removal in flight: disposing the pool waits for it, so that none outlives the pool.</summary>
    private void Track(Task preparation)
    {
        lock (_inFlight)
        {
            _inFlight.Add(preparation);
        }
        _ = preparation.ContinueWith(done =>
        {
            lock (_inFlight)
            {
                _inFlight.Remove(done);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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

    /// <summary>The language and everything of a spec that decides what the compile does, except its working directory
    /// (each waiting sandbox has a box of its own). Two specs with the same key run the same compile.</summary>
    internal static string Key(LanguageId language, SandboxSpec spec)
    {
        var text = new StringBuilder(language.WireName()).Append('\u0001');
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
        Task[] preparing;
        lock (_inFlight)
        {
            preparing = [.. _inFlight];
        }
        try
        {
            // Each ends soon once cancelled (and retires what it made: the pool is disposed).
            await Task.WhenAll(preparing).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogRetireFailed(e, e.Message); // a preparation that failed its own way: nothing of it waits
        }
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
