using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CodeRoom.Api.Tests;
using CodeRoom.Judge.Sandbox;
using CodeRoom.Tests.Shared;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CodeRoom.Runner.Tests;

/// <summary>Candidate code for add-two.</summary>
public static class Candidates
{
    public const string Sum = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
}

/// <summary>The broker for these tests: scripts/start-rabbitmq.sh on its own port (one node per port).</summary>
public static class Broker
{
    public const int SharedPort = 15720;

    private static readonly HashSet<int> ResetPorts = [];

    /// <summary>Starts the node on <paramref name="port"/> (or finds it running). The first start of each port in this
    /// test process empties the node's database first: every test factory declares queues of its own, and on a machine
    /// that runs the suite again and again a node that kept them all (316 quorum queues here) took longer to recover them
    /// at each start than a runner waits to consume. Later starts in the process keep what is queued (the fault tests
    /// restart the broker with jobs on it).</summary>
    public static string Start(int port = SharedPort)
    {
        lock (ResetPorts)
        {
            // Held through the reset: a factory starting the same node meanwhile must not start it before it is emptied.
            if (ResetPorts.Add(port))
            {
                Script(port, "reset");
            }
        }
        return Script(port, null);
    }

    public static void Stop(int port) => Script(port, "stop");

    /// <summary>The Erlang VM of the node on <paramref name="port"/>: the rabbitmq user's beam.smp whose environment names
    /// that node (as the start script finds it).</summary>
    public static IReadOnlyList<int> NodePids(int port)
    {
        var name = $"RABBITMQ_NODENAME=coderoom{port}@localhost";
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "beam.smp"
                    && File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(name))
                {
                    pids.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // exited meanwhile
            }
        }
        return pids;
    }

    private static string Script(int port, string? argument)
    {
        var path = Path.Combine(TestServers.RepoRoot, "scripts", "start-rabbitmq.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(path);
        if (argument is not null)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["CODEROOM_RABBITMQ_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The script bounds itself (a wedged node is killed, a start is tried three times, each within 45 s) and says
        // why it failed; this bound is only for a script that hangs anyway, and still shows what it printed.
        if (!process.WaitForExit(TimeSpan.FromSeconds(240)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("start-rabbitmq.sh did not finish within 240 s:\n" + stderr.GetAwaiter().GetResult());
        }
        var output = stdout.GetAwaiter().GetResult().Trim();
        if (process.ExitCode != 0 || (argument is null && output.Length == 0))
        {
            throw new InvalidOperationException($"start-rabbitmq.sh failed (exit {process.ExitCode}); RabbitMQ is required for these tests:\n" +
                stderr.GetAwaiter().GetResult());
        }
        return output.Split('\n')[^1].Trim();
    }
}

/// <summary>The Api in fleet mode on a test server: PostgreSQL, RabbitMQ (queues of its own, by prefix), no judge.</summary>
public class FleetApiFactory : ApiFactory
{
    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

    protected override bool UsePostgres => true;
    protected override bool UseFakeJudge => false;

    protected virtual int BrokerPort => Broker.SharedPort;

    public string RabbitUrl { get; private set; } = "";

    protected override void Configure()
    {
        RabbitUrl = Broker.Start(BrokerPort);
        Settings["RabbitMq:Url"] = RabbitUrl;
        Settings["RabbitMq:Prefix"] = Prefix;
        Settings["RabbitMq:DeliveryLimit"] = "2";
        Settings["RabbitMq:PublishTimeoutSeconds"] = "3";
        // Some tests keep many jobs of one user in flight on purpose (issue 11's per-user cap is tested in Api.Tests).
        Settings["JudgeQueue:MaxInFlightPerUser"] = "1000";
        Settings["JudgeQueue:WaitSeconds"] = "20";
        Settings["Content:VerifyReferenceSolutions"] = "false";
    }

    /// <summary>Starts a runner process against this Api's database and queues.</summary>
    public RunnerProcess StartRunner(int id, string? crashMarker = null, bool restartOnCrash = false,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["RABBITMQ_URL"] = RabbitUrl,
            ["RabbitMq__Prefix"] = Prefix,
            ["RabbitMq__DeliveryLimit"] = "2",
            ["DATABASE_URL"] = Settings["DATABASE_URL"],
            ["Runner__TestCrashMarker"] = crashMarker,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        return new(id, environment, restartOnCrash);
    }
}

/// <summary>A fleet Api on a broker node of its own (another port), so stopping or freezing that node, or deleting its
/// queues, disturbs no other test; the node is stopped with the fixture (130 MB on a shared machine; the shared node stays
/// up like PostgreSQL's). Two copies of this suite on one host (helpers working side by side) each set the port's
/// variable, or one would stop the other's broker.</summary>
/// <param name="waitSeconds">JudgeQueue:WaitSeconds: "0.2" for tests that poll (a run's answer is its id at once).</param>
public abstract class PrivateBrokerApiFactory(string portVariable, int defaultPort, string waitSeconds = "20") : FleetApiFactory
{
    public int Port { get; } = int.TryParse(Environment.GetEnvironmentVariable(portVariable), out var port) ? port : defaultPort;

    protected override int BrokerPort => Port;

    protected override void Configure()
    {
        base.Configure();
        Settings["JudgeQueue:WaitSeconds"] = waitSeconds;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Broker.Stop(Port);
    }
}

/// <summary>
/// One `coderoom-runner` process (what `./coderoom runner` starts), with the suite's sandbox settings (uids from 76000,
/// cgroups coderoom-runner-tests*), one slot, no warm-up. Its log lines are kept for assertions.
/// With restartOnCrash it is started again when it dies, as systemd's Restart=always would.
/// </summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    // The suite's own uid range and cgroup subtree, apart from the other suites' (61000, 65000, 66000); a second copy of
    // the suite on the same host moves them as JudgeFixture does: CODEROOM_Sandbox__FirstSlotUid, CODEROOM_Sandbox__CgroupName.
    public static readonly int BaseUid =
        int.TryParse(Environment.GetEnvironmentVariable("CODEROOM_Sandbox__FirstSlotUid"), CultureInfo.InvariantCulture, out var uid) ? uid : 76000;
    public static readonly string BaseCgroup = Environment.GetEnvironmentVariable("CODEROOM_Sandbox__CgroupName") is { Length: > 0 } name
        ? name : "coderoom-runner-tests";
    public static readonly string BaseBoxRoot = Path.Combine(Path.GetTempPath(), BaseCgroup, "boxes");

    private readonly Dictionary<string, string?> _environment;
    private readonly bool _restartOnCrash;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _newLine = new(0);
    private Process _process;
    private bool _disposed;

    public RunnerProcess(int id, Dictionary<string, string?> environment, bool restartOnCrash)
    {
        Id = id;
        _environment = environment;
        _restartOnCrash = restartOnCrash;
        _process = Launch();
    }

    public int Id { get; }
    public int Starts { get; private set; }
    public int Pid => _process.Id;
    public IEnumerable<string> Lines => _lines;

    /// <summary>The sandbox settings runner <paramref name="id"/> derives from the base ones (RunnerIdentity).</summary>
    public static SandboxOptions SandboxOf(int id) => new()
    {
        FirstSlotUid = BaseUid + (100 * (id + 1)),
        Slots = 1,
        StandbySlots = 2,
        CgroupName = $"{BaseCgroup}-runner-{id}",
        BoxRoot = Path.Combine(Path.GetDirectoryName(BaseBoxRoot)!, $"runner-{id}", "boxes"),
    };

    private static ProcessStartInfo StartInfo()
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<config>/net10.0/
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestServers.RepoRoot, "src", "CodeRoom.Runner", "bin", config, "net10.0", "coderoom-runner.dll"));
        return info;
    }

    /// <summary>Runs a runner with exactly these variables (besides the machine's) until it exits: for start-up errors.</summary>
    public static async Task<(int Exit, string Output)> RunToExitAsync(Dictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var info = StartInfo();
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    private Process Launch()
    {
        var info = StartInfo();
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }
        info.Environment["RUNNER_ID"] = Id.ToString(CultureInfo.InvariantCulture);
        info.Environment["JUDGE_WORKERS"] = "1";
        info.Environment["Sandbox__FirstSlotUid"] = BaseUid.ToString(CultureInfo.InvariantCulture);
        info.Environment["Sandbox__CgroupName"] = BaseCgroup;
        info.Environment["Sandbox__BoxRoot"] = BaseBoxRoot;
        info.Environment["Sandbox__Slots"] = "1";
        info.Environment["Sandbox__StandbySlots"] = "2";
        info.Environment["Judge__WarmUpAtStart"] = "false";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Exited += (_, _) => OnExited();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Starts++;
        return process;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        _newLine.Release();
    }

    private void OnExited()
    {
        Add($"[exited {_process.ExitCode}]");
        if (_restartOnCrash && !_disposed)
        {
            _process = Launch();
        }
    }

    public Task WaitUntilConsumingAsync(CancellationToken cancellationToken) =>
        WaitForLineAsync(l => l.Contains("Consuming ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), cancellationToken);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"runner {Id}: no such line within {timeout}; its output:\n" + string.Join('\n', _lines));
            }
            await _newLine.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>SIGSTOP or SIGCONT to the runner alone: hung, not dead.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, Pid.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    /// <summary>kill -9 of the runner alone: its sandboxed children are left behind, as after a real crash.</summary>
    public void Kill()
    {
        _disposed = true;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(5000);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
        await StaleRunCleanup.CleanAsync(SandboxOf(Id), CancellationToken.None);
    }
}
