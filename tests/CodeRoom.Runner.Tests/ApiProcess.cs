using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CodeRoom.Api.Tests;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Runner.Tests;

/// <summary>An Api instance as its own process, in fleet mode, started the way `./coderoom cluster` and the systemd unit
/// start it: as the unprivileged service user (scripts/create-service-user.sh), through setpriv, which execs (so the
/// pid is the Api's own) with every capability dropped.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly bool _portTakenBefore;

    public ApiProcess(int port, IReadOnlyDictionary<string, string?> environment)
    {
        Port = port;
        _portTakenBefore = Listening(port);
        var user = Script("create-service-user.sh");
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(TestServers.RepoRoot, "src", "CodeRoom.Api", "bin", config, "net10.0", "CodeRoom.Api.dll");
        var info = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"--reuid={user}", $"--regid={user}", "--init-groups", "--inh-caps=-all", "--bounding-set=-all",
            "--", "dotnet", dll, "--contentRoot", TestServers.RepoRoot })
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        info.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["HOME"] = "/nonexistent";
        // The fixture migrated and imported; a test may still ask for either (to see the start-up's use of the database).
        info.Environment["Content__MigrateOnStart"] = environment.GetValueOrDefault("Content__MigrateOnStart") ?? "false";
        info.Environment["Content__ImportProblemsOnStart"] = environment.GetValueOrDefault("Content__ImportProblemsOnStart") ?? "false";
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }
    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    public HttpClient ClientFor(string userId)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.Token(userId));
        return client;
    }

    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        if (_portTakenBefore)
        {
            // Whatever answers there is not this Api (which stops at start, "address already in use").
            throw new InvalidOperationException($"port {Port} was taken before this Api started: a process left by an earlier run?");
        }
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"the Api on port {Port} did not become healthy; its output:\n{Output}");
    }

    private static bool Listening(int port)
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            return probe.ConnectAsync(System.Net.IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(500));
        }
        catch (AggregateException)
        {
            return false; // refused: nothing listens
        }
    }

    /// <summary>Fields of /proc/PID/status (Uid, CapEff, ...).</summary>
    public Dictionary<string, string> Status() =>
        File.ReadAllLines($"/proc/{Pid}/status").Select(l => l.Split(':', 2)).Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1].Trim());

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        _process.WaitForExit(); // drains the output events
        return _process.ExitCode;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
    }

    internal static string Script(string name)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(TestServers.RepoRoot, "scripts", name)])
        {
            RedirectStandardOutput = true,
        })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{name} failed (exit {process.ExitCode})");
    }
}
