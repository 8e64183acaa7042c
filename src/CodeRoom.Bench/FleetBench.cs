using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CodeRoom.Bench;

/// <summary>
/// `bench --fleet` (issue 12): what the broker hop costs. Two services side by side on this machine: the embedded
/// default (in-process queue) and the fleet (an Api with RABBITMQ_URL, one runner process, RabbitMQ on loopback), each
/// with its own throwaway SQLite database and compile cache. Runs alternate between them run by run, so a change in the
/// machine's load hits both alike; the hop is the difference of the medians. Throughput with 1 and 2 runners and the
/// per-core capacity table are not measured yet.
/// </summary>
internal sealed class FleetBench(BenchSettings settings, TextWriter progress)
{
    private const int BrokerPort = 56750;
    public const string StartMarker = "<!-- fleet-bench:start -->";
    public const string EndMarker = "<!-- fleet-bench:end -->";

    internal sealed record Row(string Language, string Code, Summary InProcess, Summary Fleet, int Errors);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var machine = Machine.Describe();
        var startedAt = TimeProvider.System.GetUtcNow();
        await using var load = new LoadSampler();
        var work = Directory.CreateTempSubdirectory("coderoom-bench-fleet-");
        var ok = false;
        try
        {
            Note("starting RabbitMQ on loopback");
            var rabbit = await BrokerAsync(null, cancellationToken);
            var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
            Note("starting the embedded service and the fleet's Api (throwaway SQLite databases, loopback, free ports)");
            await using var inProcess = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "in-process"), settings.ServiceConfig, cancellationToken);
            var fleetConfig = new Dictionary<string, string>(settings.ServiceConfig)
            {
                ["RABBITMQ_URL"] = rabbit,
                ["RabbitMq__Prefix"] = prefix,
                // The fleet's Api judges nothing, reference solutions included.
                ["Content__VerifyReferenceSolutions"] = "false",
            };
            await using var fleet = await ServiceHost.StartAsync(settings.RepoRoot, Sub(work, "fleet"), fleetConfig, cancellationToken);
            Note("starting one runner");
            await using var runner = await RunnerProcess.StartAsync(settings.RepoRoot, Sub(work, "runner"), new Dictionary<string, string>(settings.ServiceConfig)
            {
                ["RABBITMQ_URL"] = rabbit,
                ["RabbitMq__Prefix"] = prefix,
                ["Content__SqlitePath"] = fleet.DatabasePath,
                ["Judge__CompileCacheRoot"] = Sub(work, "runner-cache"),
                // Its own prebuilt artifacts: two processes building the same ones at once would race.
                ["Judge__PrebuiltRoot"] = Sub(work, "runner-prebuilt"),
            }, cancellationToken);

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
                rows.AddRange(await SideBySideAsync(inHttp, fleetHttp, language, cancellationToken));
            }
            var markdown = Markdown(machine, startedAt, load.Snapshot(), rows);
            ok = true;
            return markdown;
        }
        finally
        {
            if (ok && !settings.KeepTemp)
            {
                work.Delete(recursive: true);
            }
            else
            {
                Note($"kept {work.FullName} (service.log, runner.log) for a look; delete it when done");
            }
            await BrokerAsync("stop", CancellationToken.None);
        }
    }

    /// <summary>scripts/start-rabbitmq.sh on the bench's own port (stopped again at the end): prints the URL.</summary>
    private async Task<string> BrokerAsync(string? argument, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(settings.RepoRoot, "scripts", "start-rabbitmq.sh"));
        if (argument is not null)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["CODEROOM_RABBITMQ_PORT"] = BrokerPort.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start start-rabbitmq.sh");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"start-rabbitmq.sh failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
        return (await stdout).Trim();
    }

    private static string Sub(DirectoryInfo work, string name) => Directory.CreateDirectory(Path.Combine(work.FullName, name)).FullName;

    private void Note(string message) =>
        progress.WriteLine($"[bench --fleet {TimeProvider.System.GetUtcNow():HH:mm:ss} load {Machine.LoadAverage()}] {message}");

    private async Task<List<Row>> SideBySideAsync(HttpClient inHttp, HttpClient fleetHttp, string language, CancellationToken cancellationToken)
    {
        var a = await CodeRoomClient.CreateAsync(inHttp, "bench-in-" + language, cancellationToken);
        var b = await CodeRoomClient.CreateAsync(fleetHttp, "bench-fleet-" + language, cancellationToken);
        var cachedCode = Workloads.TwoSum(language, Workloads.Tag("cached", 0));
        Note($"{language}: warm-up ({settings.Warmup} fresh and 1 cached on each)");
        for (var i = 0; i < settings.Warmup; i++)
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
                Record("cached", isFleet, await client.RunAsync(Workloads.TwoSumSlug, language, cachedCode, cancellationToken));
                Record("fresh", isFleet, await client.RunAsync(Workloads.TwoSumSlug, language, Workloads.TwoSum(language, Workloads.Tag("fresh", i)), cancellationToken));
            }
        }
        var rows = new[] { "cached", "fresh" }.Select(code => new Row(language, code,
            Summary.Of(samples.GetValueOrDefault((code, false)) ?? []), Summary.Of(samples.GetValueOrDefault((code, true)) ?? []),
            errors.GetValueOrDefault(code))).ToList();
        foreach (var row in rows)
        {
            Note($"{language} {row.Code}: in-process median {Fmt.Ms(row.InProcess.Median)} ms, fleet {Fmt.Ms(row.Fleet.Median)} ms, " +
                $"hop {Fmt.Ms(row.Fleet.Median - row.InProcess.Median)} ms");
        }
        return rows;
    }

    private string Markdown(Machine machine, DateTimeOffset startedAt, Summary load, List<Row> rows)
    {
        var md = new StringBuilder();
        md.AppendLine(StartMarker);
        md.AppendLine("## Runner fleet: the broker hop (issue 12)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`./coderoom bench --fleet`, {startedAt:yyyy-MM-dd HH:mm} UTC, {machine.Cores} cores ({machine.Cpu}), " +
            $"load average {Fmt.N(load.Median, "0.00")} median over the run (max {Fmt.N(load.Max, "0.00")}). The embedded service and the fleet " +
            $"(Api with RABBITMQ_URL, one runner process, RabbitMQ on loopback) ran side by side; runs alternated between them, " +
            $"{settings.Runs} of each per row. Latency is the client's, request to verdict (the Api's short wait answers 200).");
        md.AppendLine();
        md.AppendLine("| language | code | in-process median | fleet median | hop (fleet - in-process) | in-process p95 | fleet p95 | failed runs |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Language} | {r.Code} | {Fmt.Ms(r.InProcess.Median)} ms | {Fmt.Ms(r.Fleet.Median)} ms | " +
                $"{Fmt.Ms(r.Fleet.Median - r.InProcess.Median)} ms | {Fmt.Ms(r.InProcess.P95)} ms | {Fmt.Ms(r.Fleet.P95)} ms | {r.Errors} |");
        }
        md.AppendLine();
        md.AppendLine("Not measured yet: throughput and p99 with 1 and 2 runners at 32 clients, clients spread over 2 Api instances, " +
            "and runs/s per runner core per language (docs/deploy.md says so).");
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

    public async ValueTask DisposeAsync()
    {
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
