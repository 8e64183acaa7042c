using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Warm compilers (Java: javac in a long-lived JVM; C#: Roslyn in a long-lived .NET runtime): one sandboxed session per language, started on the first compile
/// and warmed up by compiling a sample, then fed every compile of that language one at a time. A compile costs tens of
/// milliseconds instead of a cold compiler's start-up. The session runs no candidate code; it is still a sandbox like
/// any other (its own standby uid, cgroup, seccomp, no network). After a limit or a crash it is replaced; after
/// <see cref="JudgeOptions.CompileServerMaxCompiles"/> compiles or <see cref="JudgeOptions.WarmSandboxMaxAgeSeconds"/>
/// a replacement starts and takes over once warm.
/// While it starts, is busy for long or has failed, callers compile cold (null from <see cref="TryCompileAsync"/>).
/// </summary>
public sealed partial class CompileServers : IAsyncDisposable
{
    /// <summary>How long a compile waits for the server while another compile is in it, before compiling cold.</summary>
    private static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(2);

    private const long MaxClassBytes = 32L << 20;

    private readonly ISandbox _sandbox;
    private readonly JudgeOptions _options;
    private readonly ILogger<CompileServers> _logger;
    private readonly ConcurrentDictionary<LanguageId, Server> _servers = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public CompileServers(ISandbox sandbox, IOptions<JudgeOptions> options, ILogger<CompileServers> logger)
    {
        _sandbox = sandbox;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>One language's server: the live session (if any), whether one is starting, and the gate that lets one
    /// compile in at a time.</summary>
    private sealed class Server
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public Session? Live;
        public int Starting;

        /// <summary>When the last start failed (monotonic clock): a broken server is not retried on every compile.</summary>
        public long FailedAt;

        /// <summary>The last start, awaited on disposal so that a server starting then is torn down, not orphaned.</summary>
        public Task StartTask = Task.CompletedTask;
    }

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private sealed class Session(ISandboxSession sandbox, SandboxBox box) : IAsyncDisposable
    {
        public ISandboxSession Sandbox => sandbox;
        public int Compiles;

        public async ValueTask DisposeAsync()
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            box.Dispose();
        }
    }

    /// <summary>
    /// Compiles the plan's files on the language's warm server and writes the classes into <paramref name="box"/>.
    /// Null when there is no server ready (it starts one in the background): the caller compiles cold.
    /// </summary>
    public async Task<CompileInfo?> TryCompileAsync(LanguageId language, BuildPlan plan, SandboxBox box, CancellationToken cancellationToken)
    {
        if (!_options.CompileServers || plan.CompileServerCommand is null || Volatile.Read(ref _disposed) != 0)
        {
            return null;
        }
        var server = _servers.GetOrAdd(language, _ => new Server());
        if (!await server.Gate.WaitAsync(BusyWait, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        try
        {
            var session = server.Live;
            if (session is null || session.Sandbox.HasExited)
            {
                server.Live = null;
                if (session is not null)
                {
                    _ = RetireAsync(session);
                }
                StartInBackground(language, server, plan);
                return null;
            }
            if (session.Compiles >= _options.CompileServerMaxCompiles
                || Stopwatch.GetElapsedTime(session.Sandbox.StartedAtTimestamp) > TimeSpan.FromSeconds(_options.WarmSandboxMaxAgeSeconds))
            {
                // Due for replacement: it goes on serving until the new one is warm, so a rotation never sends a
                // compile the cold way.
                StartInBackground(language, server, plan);
            }
            session.Compiles++;
            return await CompileAsync(language, server, session, plan, box, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            server.Gate.Release();
        }
    }

    /// <summary>Whether the language's server is up (for tests and the admin view).</summary>
    internal bool IsLive(LanguageId language) => _servers.TryGetValue(language, out var server) && server.Live is { } live && !live.Sandbox.HasExited;

    /// <summary>Starts the language's server in the background unless one is up or starting: a judge whose compile the
    /// cache answered (the service's warm-up, after its first start) leaves it warm for the next compile, which would
    /// otherwise go the cold way while the server started.</summary>
    public void EnsureStarted(LanguageId language, BuildPlan plan)
    {
        if (!_options.CompileServers || plan.CompileServerCommand is null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        var server = _servers.GetOrAdd(language, _ => new Server());
        if (!server.Gate.Wait(0))
        {
            return; // a compile is in it: that compile sees to the server
        }
        try
        {
            if (server.Live is { } live && !live.Sandbox.HasExited)
            {
                return;
            }
            if (server.Live is { } dead)
            {
                server.Live = null;
                _ = RetireAsync(dead);
            }
            StartInBackground(language, server, plan);
        }
        finally
        {
            server.Gate.Release();
        }
    }

    private async Task<CompileInfo?> CompileAsync(LanguageId language, Server server, Session session, BuildPlan plan, SandboxBox box,
        CancellationToken cancellationToken)
    {
        var id = session.Compiles.ToString(CultureInfo.InvariantCulture);
        var request = new StringBuilder(id);
        foreach (var (name, contents) in plan.Files)
        {
            request.Append(' ').Append(name).Append(' ').Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(contents)));
        }
        request.Append('\n');
        var limits = PrebuiltArtifacts.CompileLimits(_options, plan);
        var end = "E " + id + " ";
        SessionReply reply;
        try
        {
            // Not the caller's token: cancelling an exchange kills the session, and a caller giving up is common (the
            // editor aborts every live check the candidate types past, issue 15). The compile finishes instead, bounded
            // by its own CPU and wall limits, and the server stays warm for the next one; only shutting down kills it.
            reply = await session.Sandbox.ExchangeAsync(Encoding.ASCII.GetBytes(request.ToString()),
                line => line.StartsWith(end, StringComparison.Ordinal), limits.CpuTime, limits.WallTime, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            server.Live = null;
            _ = RetireAsync(session);
            throw;
        }
        var ms = reply.WallTime.TotalMilliseconds;
        if (reply.Failure is { } failure)
        {
            // The session is dead: the next compile starts a new one. A limit is the candidate's verdict; a crash of the
            // server is ours, so this compile goes the cold way.
            LogServerEnded(language, failure, session.Compiles);
            server.Live = null;
            _ = RetireAsync(session);
            cancellationToken.ThrowIfCancellationRequested();
            return CompileInfo.Stopped(failure, limits.CpuTime, ms) is { } stopped ? stopped with { ByCompileServer = true } : null;
        }
        // The caller that gave up meanwhile gets what it asked for (cancellation), the server lives on.
        cancellationToken.ThrowIfCancellationRequested();
        return Parse(reply.Lines, plan, box, ms);
    }

    /// <summary>Reads the reply ("O output", "F name.class bytes", "E id ok|error"); the classes go into the box, which
    /// no sandboxed code has seen yet. Anything malformed is a server fault: null, compile cold.</summary>
    private CompileInfo? Parse(IReadOnlyList<string> lines, BuildPlan plan, SandboxBox box, double ms)
    {
        var output = "";
        var classes = new List<(string Name, byte[] Bytes)>();
        var total = 0L;
        try
        {
            foreach (var line in lines)
            {
                if (line.StartsWith("O ", StringComparison.Ordinal))
                {
                    output = Encoding.UTF8.GetString(Convert.FromBase64String(line[2..]));
                }
                else if (line.StartsWith("F ", StringComparison.Ordinal))
                {
                    var space = line.IndexOf(' ', 2);
                    var name = space > 2 ? line[2..space] : "";
                    var bytes = Convert.FromBase64String(line[(space + 1)..]);
                    total += bytes.Length;
                    // Only top-level classes of the default package, as a cold javac's -d /box would leave where the
                    // harness looks (a package declaration's classes would land in a subdirectory it never reads).
                    if ((plan.CompileServerFiles is { } allowed ? allowed.Contains(name, StringComparer.Ordinal) : ClassFileName().IsMatch(name))
                        && total <= MaxClassBytes)
                    {
                        classes.Add((name, bytes));
                    }
                }
            }
        }
        catch (FormatException)
        {
            return null;
        }
        var ok = lines.Count > 0 && lines[^1].EndsWith(" ok", StringComparison.Ordinal);
        var cleaned = plan.CleanCompilerOutput(output).Trim();
        if (!ok)
        {
            return new CompileInfo(false, cleaned.Length > 0 ? cleaned : "compilation failed", ms, false) { ByCompileServer = true };
        }
        foreach (var (name, bytes) in classes)
        {
            box.WriteFile(name, bytes);
        }
        return new CompileInfo(true, cleaned, ms, false) { ByCompileServer = true };
    }

    private void StartInBackground(LanguageId language, Server server, BuildPlan plan)
    {
        var failedAt = Interlocked.Read(ref server.FailedAt);
        if ((failedAt != 0 && Stopwatch.GetElapsedTime(failedAt) < RetryAfterFailure) || Interlocked.Exchange(ref server.Starting, 1) != 0)
        {
            return;
        }
        server.StartTask = Task.Run(async () =>
        {
            Session? session = null;
            try
            {
                session = await StartAsync(language, plan, _stopping.Token).ConfigureAwait(false);
                if (session is null)
                {
                    Interlocked.Exchange(ref server.FailedAt, Stopwatch.GetTimestamp());
                    return;
                }
                await server.Gate.WaitAsync(_stopping.Token).ConfigureAwait(false);
                try
                {
                    if (Volatile.Read(ref _disposed) == 0)
                    {
                        var replaced = server.Live;
                        server.Live = session;
                        session = null;
                        if (replaced is not null)
                        {
                            _ = RetireAsync(replaced);
                        }
                    }
                }
                finally
                {
                    server.Gate.Release();
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                if (session is not null)
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                }
                Volatile.Write(ref server.Starting, 0);
            }
        });
    }

    /// <summary>Starts the server and waits for its greeting ("R ready", after its warm-up compiles).</summary>
    private async Task<Session?> StartAsync(LanguageId language, BuildPlan plan, CancellationToken cancellationToken)
    {
        var box = _sandbox.CreateBox();
        ISandboxSession? sandbox = null;
        try
        {
            // A compile's full budget for the start, whichever plan asked for it (a live check's is much smaller).
            var limits = PrebuiltArtifacts.CompileLimits(_options, plan with { CompileCpuTime = TimeSpan.FromMilliseconds(_options.CompileCpuMs) });
            sandbox = await _sandbox.StartSessionAsync(new SandboxSpec
            {
                Command = plan.CompileServerCommand!,
                WorkingDirectory = box.Path,
                ExtraMounts = plan.Mounts,
                Environment = plan.Environment,
                // For the session's whole life: RLIMIT_CPU as a backstop over all its compiles; each compile has its
                // own CPU and wall limits.
                Limits = limits with { CpuTime = TimeSpan.FromMinutes(30), WallTime = TimeSpan.FromDays(1), OutputBytes = 1 << 20 },
            }, cancellationToken).ConfigureAwait(false);
            var greeting = await sandbox.ExchangeAsync(ReadOnlyMemory<byte>.Empty, line => line == "R ready", limits.CpuTime * 3,
                limits.WallTime * 3, cancellationToken).ConfigureAwait(false);
            if (greeting.Failure is { } failure)
            {
                LogStartFailed(null, language, failure.ToString());
                await sandbox.DisposeAsync().ConfigureAwait(false);
                box.Dispose();
                return null;
            }
            LogStarted(language, greeting.WallTime.TotalMilliseconds, greeting.CpuTime.TotalMilliseconds);
            return new Session(sandbox, box);
        }
        catch (Exception e) when (e is SandboxUnavailableException or IOException or OperationCanceledException)
        {
            if (e is not OperationCanceledException)
            {
                LogStartFailed(e, language, e.Message);
            }
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }
            box.Dispose();
            return null;
        }
    }

    private static async Task RetireAsync(Session session) => await session.DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var server in _servers.Values)
        {
            await server.StartTask.ConfigureAwait(false);
            if (server.Live is { } session)
            {
                server.Live = null;
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
        _stopping.Dispose();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_$]{1,200}\.class$")]
    private static partial Regex ClassFileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Language} compile server ready in {WallMs:0} ms ({CpuMs:0} ms of CPU, warm-up included)")]
    private partial void LogStarted(LanguageId language, double wallMs, double cpuMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Language} compile server did not start ({Reason}); compiles run cold")]
    private partial void LogStartFailed(Exception? exception, LanguageId language, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Language} compile server ended ({Reason}) after {Compiles} compiles; a new one starts")]
    private partial void LogServerEnded(LanguageId language, TerminationReason reason, int compiles);
}
