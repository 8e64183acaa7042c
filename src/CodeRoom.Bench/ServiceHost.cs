using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CodeRoom.Bench;

/// <summary>A CodeRoom service started for one bench run: loopback only, a free port, a throwaway SQLite database,
/// an empty problem folder (the bench authors its own problems over HTTP), its own compile cache, and a run rate limit
/// raised for this process only. Stopped and cleaned up on dispose.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private bool _disposed;

    public Uri BaseAddress { get; }
    public string DatabasePath { get; }
    public string LogPath { get; }

    private ServiceHost(Process process, Uri baseAddress, string databasePath, string logPath, Task stdout, Task stderr)
    {
        _process = process;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        LogPath = logPath;
        _stdout = stdout;
        _stderr = stderr;
    }

    /// <param name="logName">The log's file name in workDir: two instances sharing one workDir (and so one database)
    /// keep their own logs.</param>
    public static async Task<ServiceHost> StartAsync(string repoRoot, string workDir, IReadOnlyDictionary<string, string> extraConfig,
        CancellationToken cancellationToken, string logName = "service.log")
    {
        var dll = Path.Combine(repoRoot, "src/CodeRoom.Api/bin/Release/net10.0/CodeRoom.Api.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution in Release first (./coderoom bench does)");
        }
        var port = FreeLoopbackPort();
        var problems = Directory.CreateDirectory(Path.Combine(workDir, "problems")).FullName;
        var cache = Directory.CreateDirectory(Path.Combine(workDir, "compile-cache")).FullName;
        var database = Path.Combine(workDir, "bench.db");
        var logPath = Path.Combine(workDir, logName);

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(repoRoot);
        // The bench's service must never reach a real database, Redis or key: development mode, SQLite in workDir.
        foreach (var name in new[] { "JWT_SECRET", "JWT_PUBLIC_KEY_PEM", "DATABASE_URL", "REDIS_URL", "ASPNETCORE_URLS", "BIND_ADDRESS", "PROBLEMS_DIR" })
        {
            info.Environment.Remove(name);
        }
        var env = new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["Content__SqlitePath"] = database,
            ["Content__ProblemsDirectory"] = problems,
            // Per-user run/submit limit (default 10 a minute) would turn the bench into a 429 test.
            ["RateLimit__PermitsPerWindow"] = "1000000",
            // Live diagnostics (issue 15) have their own per-user limit, 60 a minute by default.
            ["CheckLimits__PermitsPerWindow"] = "1000000",
            // The overload burst comes from one user: the per-user in-flight cap would answer it with 429s.
            ["JudgeQueue__MaxInFlightPerUser"] = "1000",
            ["Judge__CompileCacheRoot"] = cache,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // The warm-up's lines: the bench waits for its last one before it measures (WaitWarmedUpAsync).
            ["Logging__LogLevel__CodeRoom.Judge.JudgeWarmUp"] = "Information",
        };
        foreach (var (key, value) in extraConfig)
        {
            env[key] = value;
        }
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the service");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var gate = new SemaphoreSlim(1, 1);
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                await gate.WaitAsync(CancellationToken.None);
                try
                {
                    await log.WriteLineAsync(line);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        var stdout = Pump(process.StandardOutput);
        var stderr = Pump(process.StandardError);
        var host = new ServiceHost(process, new Uri($"http://127.0.0.1:{port}/"), database, logPath, stdout, stderr);
        try
        {
            await host.WaitHealthyAsync(TimeSpan.FromSeconds(180), cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Waits for the judge's warm-up to end (its last log line), then a little more for what it started (compile
    /// servers, warm sandboxes) to settle: measured before that, the first language's runs share the machine with the
    /// service's own start-up. False if the line did not come within the timeout.</summary>
    public async Task<bool> WaitWarmedUpAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            string text;
            await using (var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream))
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            // JudgeWarmUp.WarmUpDoneMessage (the bench does not reference the judge).
            if (text.Contains("Judge warm-up done", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                return true;
            }
            await Task.Delay(250, cancellationToken);
        }
        return false;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode} before it was healthy; see {LogPath}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow answer on a loaded machine: try again.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"the service was not healthy within {timeout.TotalSeconds:0} s; see {LogPath}");
    }

    /// <summary>Asks the kernel for a free port, then lets it go: a tiny race with other processes, and a start
    /// failure (not a silent wrong target) if we lose it.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>SIGTERM first so the service finishes its sandboxes and removes its cgroups; a bounded wait; then
    /// kill the whole tree. Idempotent: the fleet bench stops an instance early and its `await using` again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) } });
                if (kill is not null)
                {
                    await kill.WaitForExitAsync(CancellationToken.None);
                }
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
        }
        await Task.WhenAll(_stdout, _stderr).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        _process.Dispose();
    }
}
