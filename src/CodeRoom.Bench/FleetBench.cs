using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CodeRoom.Bench;

/// <summary>
/// `bench --fleet` (issue 12): what the broker hop costs. Two services side by side on this machine: the embedded
/// default (in-process queue) and the fleet (an Api with RABBITMQ_URL, one runner process, RabbitMQ on loopback), each
/// with its own throwaway SQLite database and compile cache. Runs alternate between them run by run, so a change in the
/// machine's load hits both alike; the hop is the difference of the medians. Then, in the same run: Python throughput
/// and p50/p95/p99 with N clients (distinct users) against the embedded service, the fleet with 1 and 2 runners, and
/// 2 runners with the clients split over 2 Api instances sharing Redis; and a capacity table (runs/s per slot and per
/// machine CPU-second, unchanged code, 1 runner with Sandbox:Slots=2) for Python, Java, C++ and JavaScript.
/// Everything shares this machine's cores, and the section says so.
/// </summary>
internal sealed class FleetBench(BenchSettings settings, TextWriter progress)
{
    // Below Linux's ephemeral port range (32768-60999), where an outgoing connection could hold them (as the tests' ports).
    private const int BrokerPort = 15750;
    public const string StartMarker = "<!-- fleet-bench:start -->";
    public const string EndMarker = "<!-- fleet-bench:end -->";

    internal sealed record Row(string Storage, string Language, string Code, Summary InProcess, Summary Fleet, int Errors);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var machine = Machine.Describe();
        var startedAt = TimeProvider.System.GetUtcNow();
        await using var load = new LoadSampler();
        var work = Directory.CreateTempSubdirectory("coderoom-bench-fleet-");
        var ok = false;
        var redisStarted = false;
        try
        {
            Note("starting RabbitMQ on loopback");
            var rabbit = await BrokerAsync(null, cancellationToken);
            var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
            Note("starting the embedded service and the fleet's Api (throwaway SQLite databases, loopback, free ports)");
            await using var inProcess = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "in-process"),
                Sandboxed("coderoom-fbench-embedded", FirstUid, SandboxDir("in-process")), cancellationToken);
            var fleetConfig = FleetApiConfig(rabbit, prefix, work, null);
            await using var fleet = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "fleet"), fleetConfig, cancellationToken);
            Note("starting runner 0");
            await using var runner = await StartRunnerAsync(0, rabbit, prefix, work, fleet.DatabasePath, null, cancellationToken);

            var rows = await SideBySideAsync(inProcess, fleet, "SQLite", cancellationToken);
            var brokerShare = BrokerShare.Read(Path.Combine(work.FullName, "runner-0", "runner.log"), Path.Combine(work.FullName, "fleet", "service.log"));
            var shares = new List<(string Storage, BrokerShare Share)> { ("SQLite", brokerShare) };
            if (settings.FleetPostgres)
            {
                var (pgRows, pgShare) = await PostgresSideBySideAsync(rabbit, prefix + "pg", work, cancellationToken);
                rows.AddRange(pgRows);
                shares.Add(("PostgreSQL", pgShare));
            }
            Note("timing the broker alone (300 round trips per queue type)");
            var bare = await BrokerRoundTrip.MeasureAsync(rabbit, 300, cancellationToken);

            var throughput = new List<LoadPhase>();
            var capacity = new List<LoadPhase>();
            if (settings.Clients > 0)
            {
                // (a) The embedded service, then stopped: it must not take CPU from the fleet's phases.
                using (var http = CodeRoomClient.CreateHttp(inProcess.BaseAddress, settings.Clients + 8))
                {
                    throughput.Add(await PythonLoadAsync("embedded service (in-process queue)",
                        await FleetLoad.ClientsAsync(http, "bench-tp-in-", settings.Clients, cancellationToken), cancellationToken));
                }
                await inProcess.DisposeAsync();

                // (b) and (c): the same clients on the fleet's Api, with 1 and then 2 runners.
                using (var http = CodeRoomClient.CreateHttp(fleet.BaseAddress, settings.Clients + 8))
                {
                    var clients = await FleetLoad.ClientsAsync(http, "bench-tp-fleet-", settings.Clients, cancellationToken);
                    throughput.Add(await PythonLoadAsync("fleet: 1 runner, 1 Api", clients, cancellationToken));
                    Note("starting runner 1");
                    await using var second = await StartRunnerAsync(1, rabbit, prefix, work, fleet.DatabasePath, null, cancellationToken);
                    throughput.Add(await PythonLoadAsync("fleet: 2 runners, 1 Api", clients, cancellationToken));

                    // (d) Two Api instances sharing Redis (the rate limit, as `./coderoom cluster` runs them) and the
                    // database; the first Api makes way for them. Half the clients on each.
                    await fleet.DisposeAsync();
                    Note("starting Redis and two Api instances sharing it");
                    var redis = await RedisAsync(cancellationToken);
                    redisStarted = true;
                    var twoApis = FleetApiConfig(rabbit, prefix, work, redis);
                    await using var apiA = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "fleet"), twoApis, cancellationToken, "service-a.log");
                    using var httpA = CodeRoomClient.CreateHttp(apiA.BaseAddress, settings.Clients + 8);
                    await using (var apiB = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "fleet"), twoApis, cancellationToken, "service-b.log"))
                    {
                        using var httpB = CodeRoomClient.CreateHttp(apiB.BaseAddress, settings.Clients + 8);
                        var half = settings.Clients / 2;
                        var spread = (await FleetLoad.ClientsAsync(httpA, "bench-tp-a-", settings.Clients - half, cancellationToken))
                            .Concat(await FleetLoad.ClientsAsync(httpB, "bench-tp-b-", half, cancellationToken)).ToList();
                        throughput.Add(await PythonLoadAsync("fleet: 2 runners, 2 Api (clients split), Redis", spread, cancellationToken));
                    }

                    // The capacity table: one runner alone with Sandbox:Slots=2, through Api A.
                    await second.DisposeAsync();
                    await runner.DisposeAsync();
                    var languages = CapacityLanguages.Where(settings.Languages.Contains).ToList();
                    if (languages.Count > 0)
                    {
                        Note($"starting runner 2 with Sandbox:Slots={CapacitySlots} for the capacity table");
                        await using var alone = await StartRunnerAsync(2, rabbit, prefix, work, fleet.DatabasePath, CapacitySlots, cancellationToken);
                        foreach (var language in languages)
                        {
                            capacity.Add(await CapacityAsync(httpA, language, cancellationToken));
                        }
                    }
                }
            }
            var markdown = Markdown(machine, startedAt, load.Snapshot(), rows, shares, bare, throughput, capacity);
            ok = true;
            return markdown;
        }
        finally
        {
            if (ok && !settings.KeepTemp)
            {
                work.Delete(recursive: true);
            }
            if (Directory.Exists(_sandboxRoot))
            {
                Directory.Delete(_sandboxRoot, recursive: true);
            }
            else
            {
                Note($"kept {work.FullName} (service*.log, runner-*/runner.log) for a look; delete it when done");
            }
            await BrokerAsync("stop", CancellationToken.None);
            if (_postgresDir is not null)
            {
                await StopPostgresAsync(_postgresDir);
            }
            if (redisStarted)
            {
                await StopRedisAsync();
            }
        }
    }

    /// <summary>The capacity table's languages (issue 12): TypeScript shares JavaScript's runtime.</summary>
    private static readonly string[] CapacityLanguages = ["python", "java", "cpp", "javascript"];

    private const int CapacitySlots = 2;
    private const int FleetWarmup = 40;
    private const int CapacityClients = 8;
    private const int FirstUid = 84000;
    private const int RedisPort = 16752;
    private const int PostgresPort = 15752;

    /// <summary>The sandboxes' box roots: outside the bench's temp folder, whose 0700 mode the sandbox uids could not
    /// cross (the test suites keep theirs in /tmp/&lt;cgroup name&gt; too).</summary>
    private readonly string _sandboxRoot = Path.Combine(Path.GetTempPath(), "coderoom-fbench-" + Guid.NewGuid().ToString("N")[..8]);

    private string SandboxDir(string name)
    {
        var dir = Path.Combine(_sandboxRoot, name);
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return dir;
    }

    /// <summary>This bench's own uids, cgroups and box roots, apart from the test suites' and a running service's;
    /// the caller's --config still wins.</summary>
    private Dictionary<string, string> Sandboxed(string cgroup, int firstUid, string sandboxDir)
    {
        var config = new Dictionary<string, string>
        {
            ["Sandbox__FirstSlotUid"] = firstUid.ToString(CultureInfo.InvariantCulture),
            ["Sandbox__CgroupName"] = cgroup,
            ["Sandbox__BoxRoot"] = Path.Combine(sandboxDir, "boxes"),
        };
        foreach (var (key, value) in settings.ServiceConfig)
        {
            config[key] = value;
        }
        return config;
    }

    private Dictionary<string, string> FleetApiConfig(string rabbit, string prefix, DirectoryInfo work, string? redis)
    {
        // The fleet's Api judges nothing; its sandbox settings only keep it off anybody else's.
        var config = Sandboxed("coderoom-fbench-api", FirstUid + 50, SandboxDir("api"));
        config["RABBITMQ_URL"] = rabbit;
        config["RabbitMq__Prefix"] = prefix;
        // The fleet's Api judges nothing, reference solutions included.
        config["Content__VerifyReferenceSolutions"] = "false";
        // One Debug line per finished job: how long after the runner announced it this Api heard (BrokerShare).
        config["Logging__LogLevel__CodeRoom.Dispatch.RabbitMq.RabbitMqCompletionListener"] = "Debug";
        if (redis is not null)
        {
            config["REDIS_URL"] = redis;
        }
        return config;
    }

    /// <summary>Runner <paramref name="id"/>: uids from 84000 + 100 * (id + 1), cgroup coderoom-fbench-runner-id, its
    /// boxes, compile cache and prebuilt artifacts in the temp folder; <paramref name="database"/> a SQLite file or a
    /// postgres:// URL.</summary>
    private async Task<RunnerProcess> StartRunnerAsync(int id, string rabbit, string prefix, DirectoryInfo work, string database, int? slots,
        CancellationToken cancellationToken)
    {
        var name = "runner-" + id.ToString(CultureInfo.InvariantCulture);
        var config = Sandboxed("coderoom-fbench", FirstUid, SandboxDir("runners"));
        config["RABBITMQ_URL"] = rabbit;
        config["RabbitMq__Prefix"] = prefix;
        config["RUNNER_ID"] = id.ToString(CultureInfo.InvariantCulture);
        // As quiet as the services' (ServiceHost): Information would log every database command of every job. The
        // consumer's lines stay, the bench waits for its "Consuming".
        config["Logging__LogLevel__Default"] = "Warning";
        config["Logging__LogLevel__CodeRoom.Runner"] = "Information";
        // --config Logging__LogLevel__CodeRoom.Dispatch=Debug logs where each job's time went (the hop's parts).
        // Debug: one line per job with its publish-to-delivery time (BrokerShare).
        config["Logging__LogLevel__CodeRoom.Dispatch.RabbitMq.RabbitMqJudgeConsumer"] = "Debug";
        config[database.StartsWith("postgres://", StringComparison.Ordinal) ? "DATABASE_URL" : "Content__SqlitePath"] = database;
        // Beside its boxes, where the sandbox uids can read: the temp folder is 0700.
        config["Judge__CompileCacheRoot"] = SandboxDir(name + "-cache");
        // Its own prebuilt artifacts: two processes building the same ones at once would race.
        config["Judge__PrebuiltRoot"] = SandboxDir(name + "-prebuilt");
        if (slots is { } n)
        {
            config["Sandbox__Slots"] = n.ToString(CultureInfo.InvariantCulture);
            config.Remove("JudgeQueue__Workers");
            config.Remove("JUDGE_WORKERS");
        }
        var runner = await RunnerProcess.StartAsync(settings.RepoRoot, Sub(work, name), config, cancellationToken);
        // It consumes before its warm pools and compile servers are ready; let them start outside the measured phase.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        return runner;
    }

    private async Task<LoadPhase> PythonLoadAsync(string setup, List<CodeRoomClient> clients, CancellationToken cancellationToken)
    {
        Note($"throughput, {setup}: {clients.Count} clients, Python runs (fresh code) for {settings.ThroughputDuration.TotalSeconds:0} s");
        var phase = await FleetLoad.RunAsync(setup, clients, "python",
            (c, i) => Workloads.TwoSum("python", Workloads.Tag($"load{c}", i)), settings.ThroughputDuration, cancellationToken);
        Note(FleetLoad.Line(phase));
        return phase;
    }

    /// <summary>Unchanged code (the compile cache hits after the first run), a few clients to keep both slots busy.</summary>
    private async Task<LoadPhase> CapacityAsync(HttpClient http, string language, CancellationToken cancellationToken)
    {
        var clients = await FleetLoad.ClientsAsync(http, $"bench-cap-{language}-", Math.Clamp(settings.Clients, 1, CapacityClients), cancellationToken);
        var code = Workloads.TwoSum(language, Workloads.Tag("capacity", 0));
        Note($"capacity, {language}: warm-up, then {clients.Count} clients for {CapacityDuration.TotalSeconds:0} s");
        await clients[0].RunAsync(Workloads.TwoSumSlug, language, code, cancellationToken);
        var phase = await FleetLoad.RunAsync($"capacity {language}", clients, language, (_, _) => code, CapacityDuration, cancellationToken);
        Note(FleetLoad.Line(phase));
        return phase;
    }

    private TimeSpan CapacityDuration => TimeSpan.FromSeconds(Math.Max(2, settings.ThroughputDuration.TotalSeconds / 2));

    /// <summary>scripts/start-redis.sh on the bench's own port; stopped again at the end.</summary>
    private Task<string> RedisAsync(CancellationToken cancellationToken) =>
        ScriptAsync("start-redis.sh", "CODEROOM_REDIS_PORT", RedisPort, null, cancellationToken);

    private static async Task StopRedisAsync()
    {
        var info = new ProcessStartInfo("redis-cli") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", RedisPort.ToString(CultureInfo.InvariantCulture), "shutdown", "nosave" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info);
        if (process is not null)
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }

    /// <summary>scripts/start-rabbitmq.sh on the bench's own port (stopped again at the end): prints the URL.</summary>
    private Task<string> BrokerAsync(string? argument, CancellationToken cancellationToken) =>
        ScriptAsync("start-rabbitmq.sh", "CODEROOM_RABBITMQ_PORT", BrokerPort, argument, cancellationToken);

    /// <summary>One of scripts/start-*.sh on a port of the bench's own: its output (the URL).</summary>
    private async Task<string> ScriptAsync(string script, string portVariable, int port, string? argument, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(settings.RepoRoot, "scripts", script));
        if (argument is not null)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment[portVariable] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {script}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
        return (await stdout).Trim();
    }

    private static string Sub(DirectoryInfo work, string name) => Directory.CreateDirectory(Path.Combine(work.FullName, name)).FullName;

    private void Note(string message) =>
        progress.WriteLine($"[bench --fleet {TimeProvider.System.GetUtcNow():HH:mm:ss} load {Machine.LoadAverage()}] {message}");

    /// <summary>
    /// The side-by-side runs again with PostgreSQL under both sides (a database each on one throwaway server): the fleet's
    /// system of record in production, and the same storage in-process, so the difference is the broker hop alone. On
    /// SQLite the fleet's Api and runner share one file from two processes (each write invalidates the other's page
    /// cache), which the embedded service does not pay; PostgreSQL's round trips cost both sides alike.
    /// </summary>
    private async Task<(List<Row> Rows, BrokerShare Share)> PostgresSideBySideAsync(string rabbit, string prefix, DirectoryInfo work,
        CancellationToken cancellationToken)
    {
        // Outside the 0700 temp folder: the postgres user owns the data directory.
        _postgresDir = Path.Combine(Path.GetTempPath(), "coderoom-fbench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Note("starting PostgreSQL on loopback (throwaway, a database for each side)");
        var server = await ScriptAsync("start-postgres.sh", "CODEROOM_PG_PORT", PostgresPort, null, cancellationToken,
            new Dictionary<string, string> { ["CODEROOM_PG_DIR"] = _postgresDir });
        var root = server[..server.LastIndexOf('/')];
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var inConfig = Sandboxed("coderoom-fbench-embedded-pg", FirstUid + 60, SandboxDir("in-process-pg"));
        inConfig["DATABASE_URL"] = $"{root}/bench_in_{suffix}";
        await using var inProcess = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "in-process-pg"), inConfig, cancellationToken);
        var fleetDatabase = $"{root}/bench_fleet_{suffix}";
        var fleetConfig = FleetApiConfig(rabbit, prefix, work, null);
        fleetConfig["DATABASE_URL"] = fleetDatabase;
        fleetConfig["Sandbox__CgroupName"] = "coderoom-fbench-api-pg";
        await using var fleet = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "fleet-pg"), fleetConfig, cancellationToken);
        Note($"starting runner {PostgresRunner}");
        await using var runner = await StartRunnerAsync(PostgresRunner, rabbit, prefix, work, fleetDatabase, null, cancellationToken);
        var rows = await SideBySideAsync(inProcess, fleet, "PostgreSQL", cancellationToken);
        return (rows, BrokerShare.Read(Path.Combine(work.FullName, "runner-" + PostgresRunner.ToString(CultureInfo.InvariantCulture), "runner.log"), Path.Combine(work.FullName, "fleet-pg", "service.log")));
    }

    private string? _postgresDir;

    /// <summary>The PostgreSQL phase's runner id (0 to 2 are the SQLite phases').</summary>
    private const int PostgresRunner = 3;

    private async Task StopPostgresAsync(string dir)
    {
        try
        {
            await ScriptAsync("start-postgres.sh", "CODEROOM_PG_PORT", PostgresPort, "stop", CancellationToken.None,
                new Dictionary<string, string> { ["CODEROOM_PG_DIR"] = dir });
        }
        catch (InvalidOperationException e)
        {
            Note("could not stop the bench's PostgreSQL: " + e.Message);
        }
    }

    /// <summary>The bench's problem on both services, then every language's side-by-side rows.</summary>
    private async Task<List<Row>> SideBySideAsync(ServiceHost inProcess, ServiceHost fleet, string storage, CancellationToken cancellationToken)
    {
        using var inHttp = CodeRoomClient.CreateHttp(inProcess.BaseAddress, 8);
        using var fleetHttp = CodeRoomClient.CreateHttp(fleet.BaseAddress, 8);
        foreach (var http in new[] { inHttp, fleetHttp })
        {
            var admin = await CodeRoomClient.TokenAsync(http, "bench-admin", "admin", cancellationToken);
            await CodeRoomClient.PutProblemAsync(http, admin, Workloads.TwoSumProblem(), cancellationToken);
        }
        var rows = new List<Row>();
        foreach (var language in settings.Languages)
        {
            rows.AddRange(await SideBySideAsync(inHttp, fleetHttp, language, storage, cancellationToken));
        }
        return rows;
    }

    private async Task<List<Row>> SideBySideAsync(HttpClient inHttp, HttpClient fleetHttp, string language, string storage,
        CancellationToken cancellationToken)
    {
        var a = await CodeRoomClient.CreateAsync(inHttp, "bench-in-" + language, cancellationToken);
        var b = await CodeRoomClient.CreateAsync(fleetHttp, "bench-fleet-" + language, cancellationToken);
        var cachedCode = Workloads.TwoSum(language, Workloads.Tag("cached", 0));
        // Long enough for .NET's tiered JIT (a method is recompiled optimised after 30 calls) on both sides: the fleet
        // runs more of our code per job (the broker client, the consumer), so a short warm-up measured its first calls.
        var warmup = Math.Max(settings.Warmup, FleetWarmup);
        Note($"{language}: warm-up ({warmup} fresh and 1 cached on each)");
        for (var i = 0; i < warmup; i++)
        {
            await a.RunAsync(Workloads.TwoSumSlug, language, Workloads.TwoSum(language, Workloads.Tag("warm", i)), cancellationToken);
            await b.RunAsync(Workloads.TwoSumSlug, language, Workloads.TwoSum(language, Workloads.Tag("warm", i)), cancellationToken);
        }
        await a.RunAsync(Workloads.TwoSumSlug, language, cachedCode, cancellationToken);
        await b.RunAsync(Workloads.TwoSumSlug, language, cachedCode, cancellationToken);

        var samples = new Dictionary<(string Code, bool Fleet), List<double>>();
        var errors = new Dictionary<string, int>();
        void Record(string code, bool isFleet, RunOutcome outcome)
        {
            if (outcome.Kind == "ok")
            {
                var list = samples.TryGetValue((code, isFleet), out var l) ? l : samples[(code, isFleet)] = [];
                list.Add(outcome.LatencyMs);
            }
            else
            {
                errors[code] = errors.GetValueOrDefault(code) + 1;
            }
        }
        for (var i = 0; i < settings.Runs; i++)
        {
            // Alternate which goes first, so neither always runs right after the other's load.
            var order = i % 2 == 0 ? new[] { (a, false), (b, true) } : [(b, true), (a, false)];
            foreach (var (client, isFleet) in order)
            {
                // A pause first, as between a candidate's presses of Run: both services' warm pools refill after each run,
                // and back to back that refill competes with the next run on 2 cores (the other side's, as often as not).
                await Task.Delay(settings.GapMs, cancellationToken);
                Record("cached", isFleet, await client.RunAsync(Workloads.TwoSumSlug, language, cachedCode, cancellationToken));
                await Task.Delay(settings.GapMs, cancellationToken);
                Record("fresh", isFleet, await client.RunAsync(Workloads.TwoSumSlug, language, Workloads.TwoSum(language, Workloads.Tag("fresh", i)), cancellationToken));
            }
        }
        var rows = new[] { "cached", "fresh" }.Select(code => new Row(storage, language, code,
            Summary.Of(samples.GetValueOrDefault((code, false)) ?? []), Summary.Of(samples.GetValueOrDefault((code, true)) ?? []),
            errors.GetValueOrDefault(code))).ToList();
        foreach (var row in rows)
        {
            Note($"{storage} {language} {row.Code}: in-process median {Fmt.Ms(row.InProcess.Median)} ms, fleet {Fmt.Ms(row.Fleet.Median)} ms, " +
                $"hop {Fmt.Ms(row.Fleet.Median - row.InProcess.Median)} ms");
        }
        return rows;
    }

    private string Markdown(Machine machine, DateTimeOffset startedAt, Summary load, List<Row> rows, List<(string Storage, BrokerShare Share)> shares,
        BrokerRoundTrip.Result bare, List<LoadPhase> throughput, List<LoadPhase> capacity)
    {
        var md = new StringBuilder();
        md.AppendLine(StartMarker);
        md.AppendLine("## Runner fleet: the broker hop (issue 12)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`./coderoom bench --fleet`, {startedAt:yyyy-MM-dd HH:mm} UTC, {machine.Cores} cores ({machine.Cpu}), " +
            $"load average {Fmt.N(load.Median, "0.00")} median over the run (max {Fmt.N(load.Max, "0.00")}). The embedded service and the fleet " +
            $"(Api with RABBITMQ_URL, one runner process, RabbitMQ on loopback) ran side by side; runs alternated between them, " +
            $"{settings.Runs} of each per row, each after a {settings.GapMs} ms pause (`--gap-ms`). Latency is the client's, request to verdict (the Api's short wait answers 200). " +
            $"Storage: SQLite is the embedded default (the fleet's Api and runner then share one file from two processes); PostgreSQL is the " +
            $"fleet's system of record in production, here under both sides (a database each on one throwaway server), so that its " +
            $"difference is the broker hop alone.");
        md.AppendLine();
        md.AppendLine("| storage | language | code | in-process median | fleet median | hop (fleet - in-process) | in-process p95 | fleet p95 | failed runs |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Storage} | {r.Language} | {r.Code} | {Fmt.Ms(r.InProcess.Median)} ms | {Fmt.Ms(r.Fleet.Median)} ms | " +
                $"{Fmt.Ms(r.Fleet.Median - r.InProcess.Median)} ms | {Fmt.Ms(r.InProcess.P95)} ms | {Fmt.Ms(r.Fleet.P95)} ms | {r.Errors} |");
        }
        md.AppendLine();
        foreach (var (storage, share) in shares.Where(s => s.Share.Jobs > 0))
        {
            // The difference of two medians moves with the machine's noise (a Python run varies by more than the hop);
            // the broker's own share is timed on each job instead, with one clock (same machine).
            md.AppendLine(CultureInfo.InvariantCulture, $"The broker's own share ({storage}), timed on each of the {share.Jobs} fleet jobs above (runner and Api Debug " +
                $"logs, one clock): publish to delivery at the runner (the quorum queue's commit included) median " +
                $"{Fmt.Ms(share.Delivery.Median)} ms (p95 {Fmt.Ms(share.Delivery.P95)}), the completion event from runner to Api median " +
                $"{Fmt.Ms(share.Completion.Median)} ms (p95 {Fmt.Ms(share.Completion.P95)}): **{Fmt.Ms(share.Delivery.Median + share.Completion.Median)} ms** " +
                $"of broker time per run, the rest of the fleet's latency being the same judging as in-process.");
            md.AppendLine();
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"The broker alone, same run, nothing judging (`BrokerRoundTrip`: 300 messages of 300 bytes, " +
            $"one at a time, publish to delivery): a job's path (persistent, confirmed, durable quorum queue, manual ack) median " +
            $"{Fmt.Ms(bare.Quorum.Median)} ms (p95 {Fmt.Ms(bare.Quorum.P95)}); a completion event's path (transient, classic queue) median " +
            $"{Fmt.Ms(bare.Classic.Median)} ms (p95 {Fmt.Ms(bare.Classic.P95)}): **{Fmt.Ms(bare.Quorum.Median + bare.Classic.Median)} ms** for both.");
        md.AppendLine();
        FleetLoad.AppendMarkdown(md, throughput, capacity, CapacitySlots, machine.Cores);
        if (throughput.Count == 0)
        {
            md.AppendLine("Throughput and capacity were skipped (`--clients 0`).");
            md.AppendLine();
        }
        md.AppendLine(EndMarker);
        return md.ToString();
    }

    /// <summary>The fleet section of an existing report, to carry over when the main bench rewrites it.</summary>
    public static string? Section(string existing)
    {
        var start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        return start >= 0 && end > start ? existing[start..(end + EndMarker.Length)] + "\n" : null;
    }

    /// <summary>Replaces the fleet section of the report (or appends it), leaving the other tables as they are.</summary>
    public static string Merge(string existing, string section)
    {
        var start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            return existing[..start] + section.TrimEnd('\n') + existing[(end + EndMarker.Length)..];
        }
        return existing.TrimEnd('\n') + "\n\n" + section;
    }
}

/// <summary>One `coderoom-runner` for the bench (Release build), its log in workDir/runner.log.</summary>
internal sealed class RunnerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private RunnerProcess(Process process) => _process = process;

    public static async Task<RunnerProcess> StartAsync(string repoRoot, string workDir, IReadOnlyDictionary<string, string> env,
        CancellationToken cancellationToken)
    {
        var dll = Path.Combine(repoRoot, "src/CodeRoom.Runner/bin/Release/net10.0/coderoom-runner.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution in Release first (./coderoom bench does)");
        }
        var log = Path.Combine(workDir, "runner.log");
        var info = new ProcessStartInfo("bash") { WorkingDirectory = repoRoot, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" >\"$1\" 2>&1");
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(log);
        foreach (var name in new[] { "DATABASE_URL", "RUNNER_ID" })
        {
            info.Environment.Remove(name);
        }
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }
        var runner = new RunnerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the runner"));
        var watch = Stopwatch.StartNew();
        while (!(File.Exists(log) && (await File.ReadAllTextAsync(log, cancellationToken)).Contains("Consuming ", StringComparison.Ordinal)))
        {
            if (runner._process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(120))
            {
                await runner.DisposeAsync();
                throw new InvalidOperationException($"the runner did not start consuming; see {log}");
            }
            await Task.Delay(200, cancellationToken);
        }
        return runner;
    }

    /// <summary>SIGTERM, a bounded wait, then kill. Idempotent: the bench stops runners early and its `await using` again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) } }))
            {
                if (kill is not null)
                {
                    await kill.WaitForExitAsync(CancellationToken.None);
                }
            }
            try
            {
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}

/// <summary>The broker's share of a fleet run, from the runner's "Delivered ... ms after its publish" and the Api's
/// "Heard that ... finished ... ms after the runner announced it" Debug lines.</summary>
internal sealed partial record BrokerShare(int Jobs, Summary Delivery, Summary Completion)
{
    public static BrokerShare Read(string runnerLog, string apiLog)
    {
        var delivery = Values(runnerLog, DeliveredLine());
        var completion = Values(apiLog, HeardLine());
        return new(Math.Min(delivery.Count, completion.Count), Summary.Of(delivery), Summary.Of(completion));
    }

    private static List<double> Values(string path, System.Text.RegularExpressions.Regex line)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        // Shared read: the process is still writing it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        return [.. line.Matches(text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Delivered \S+ ([0-9.]+) ms after its publish")]
    private static partial System.Text.RegularExpressions.Regex DeliveredLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"Heard that \S+ finished ([0-9.]+) ms after the runner announced it")]
    private static partial System.Text.RegularExpressions.Regex HeardLine();
}
