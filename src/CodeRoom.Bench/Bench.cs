using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CodeRoom.Bench;

internal sealed record BenchSettings(
    string RepoRoot,
    int Runs,
    int Warmup,
    IReadOnlyList<string> Languages,
    int Clients,
    TimeSpan ThroughputDuration,
    int OverloadBurst,
    int FairnessRuns,
    IReadOnlyList<string> FairnessLanguages,
    double SpinMs,
    string? OutputPath,
    IReadOnlyDictionary<string, string> ServiceConfig,
    bool KeepTemp,
    int GapMs = 0,
    bool FleetPostgres = true);

/// <summary>One latency sample set: a language and a mode (fresh, cached, or a bare toolchain key).</summary>
internal sealed record LatencySeries(string Language, string Mode, List<double> Ms, List<string> Ids, Dictionary<string, int> Errors);

internal sealed record FairnessResult(string Language, long N, List<double> JudgeMs, List<double> BareMs, List<double> BareCpuMs, int Errors);

internal sealed record ThroughputResult(int Clients, double Seconds, List<RunOutcome> Outcomes);

internal sealed record BenchResults(
    Machine Machine,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    Summary Load,
    BenchSettings Settings,
    List<LatencySeries> Latency,
    List<FairnessResult> Fairness,
    ThroughputResult? Throughput,
    ThroughputResult? Overload,
    Dictionary<string, ServerTiming> ServerTimings,
    List<LatencySeries> Checks);

internal sealed class Bench(BenchSettings settings, TextWriter progress)
{

    public async Task<BenchResults> RunAsync(CancellationToken cancellationToken)
    {
        var machine = Machine.Describe();
        var startedAt = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        await using var load = new LoadSampler();
        var work = Directory.CreateTempSubdirectory("coderoom-bench-");
        Note($"machine: {machine.Cores} cores, {machine.Cpu}, load {machine.LoadAtStart}; temp files in {work.FullName}");
        var ok = false;
        try
        {
            var bare = Directory.CreateDirectory(Path.Combine(work.FullName, "bare")).FullName;
            Note("starting the service (throwaway SQLite database, loopback, free port)");
            BenchResults results;
            await using (var service = await ServiceHost.StartAsync(settings.RepoRoot, Directory.CreateDirectory(Path.Combine(work.FullName, "service")).FullName,
                settings.ServiceConfig, cancellationToken))
            {
                Note($"service healthy at {service.BaseAddress}");
                if (settings.ServiceConfig.TryGetValue("Judge__WarmUpAtStart", out var warmUp) && warmUp.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    Note("the judge's warm-up is turned off (--config Judge__WarmUpAtStart=false); measuring at once");
                }
                else
                {
                    Note(await service.WaitWarmedUpAsync(TimeSpan.FromSeconds(180), cancellationToken)
                        ? "the judge's warm-up is done; measuring"
                        : "the judge's warm-up did not report done within 180 s; measuring anyway");
                }
                using var http = CodeRoomClient.CreateHttp(service.BaseAddress, Math.Max(64, settings.OverloadBurst + settings.Clients));
                var admin = await CodeRoomClient.TokenAsync(http, "bench-admin", "admin", cancellationToken);
                await CodeRoomClient.PutProblemAsync(http, admin, Workloads.TwoSumProblem(), cancellationToken);

                var latency = new List<LatencySeries>();
                foreach (var language in settings.Languages)
                {
                    latency.AddRange(await LatencyAsync(http, language, bare, cancellationToken));
                }
                var checks = new List<LatencySeries>();
                foreach (var language in settings.Languages.Where(CheckBench.Targets.ContainsKey))
                {
                    Note($"{language}: /api/coding/check, {settings.Warmup + 3} warm-up then {settings.Runs} samples");
                    checks.Add(await CheckBench.MeasureAsync(http, language, settings.Runs, settings.Warmup + 3, cancellationToken));
                }
                var fairness = new List<FairnessResult>();
                foreach (var language in settings.FairnessLanguages)
                {
                    fairness.Add(await FairnessAsync(http, admin, language, bare, cancellationToken));
                }
                var throughput = settings.Clients > 0 ? await ThroughputAsync(http, cancellationToken) : null;
                var overload = settings.OverloadBurst > 0 ? await OverloadAsync(http, cancellationToken) : null;

                var ids = latency.SelectMany(s => s.Ids)
                    .Concat(throughput?.Outcomes.Select(o => o.Id) ?? []).Concat(overload?.Outcomes.Select(o => o.Id) ?? [])
                    .OfType<string>();
                var timings = ServerTimings.Read(service.DatabasePath, ids);
                results = new BenchResults(machine, startedAt, watch.Elapsed, load.Snapshot(), settings, latency, fairness, throughput, overload, timings, checks);
                Note("stopping the service");
            }
            ok = true;
            return results;
        }
        finally
        {
            if (ok && !settings.KeepTemp)
            {
                work.Delete(recursive: true);
            }
            else
            {
                Note($"kept {work.FullName} (service.log) for a look; delete it when done");
            }
        }
    }

    private void Note(string message) =>
        progress.WriteLine($"[bench {TimeProvider.System.GetUtcNow():HH:mm:ss} load {Machine.LoadAverage()}] {message}");

    /// <summary>Fresh code (new comment, compile cache miss), unchanged code (cache hit) and the bare toolchains,
    /// interleaved run by run so that a change in the machine's load hits all of them alike.</summary>
    private async Task<List<LatencySeries>> LatencyAsync(HttpClient http, string language, string bareRoot, CancellationToken cancellationToken)
    {
        var client = await CodeRoomClient.CreateAsync(http, "bench-seq-" + language, cancellationToken);
        var fresh = Series(language, "fresh");
        var cached = Series(language, "cached");
        var bares = BareToolchain.All.Where(b => b.Language == language).Select(b => (Toolchain: b, Series: Series(language, b.Key))).ToList();
        var cachedCode = Workloads.TwoSum(language, Workloads.Tag("cached", 0));

        Note($"{language}: warm-up ({settings.Warmup} fresh, 1 cached, 1 of each bare toolchain)");
        for (var i = 0; i < settings.Warmup; i++)
        {
            await client.RunAsync(Workloads.TwoSumSlug, language, Workloads.TwoSum(language, Workloads.Tag("warm", i)), cancellationToken);
        }
        await client.RunAsync(Workloads.TwoSumSlug, language, cachedCode, cancellationToken);
        foreach (var (toolchain, _) in bares)
        {
            await toolchain.RunAsync(bareRoot, Workloads.TwoSumBare(language, Workloads.Tag("warm", 0)), [], cancellationToken);
        }

        for (var i = 0; i < settings.Runs; i++)
        {
            var tag = Workloads.Tag("fresh", i);
            foreach (var (toolchain, series) in bares)
            {
                var (ms, stdout) = await toolchain.RunAsync(bareRoot, Workloads.TwoSumBare(language, tag), [], cancellationToken);
                if (stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 3)
                {
                    series.Ms.Add(ms);
                }
                else
                {
                    Count(series.Errors, "bad_output");
                }
            }
            Record(fresh, await client.RunAsync(Workloads.TwoSumSlug, language, Workloads.TwoSum(language, tag), cancellationToken));
            Record(cached, await client.RunAsync(Workloads.TwoSumSlug, language, cachedCode, cancellationToken));
        }
        var line = $"{language}: CodeRoom fresh median {Fmt.Ms(Summary.Of(fresh.Ms).Median)} ms, cached {Fmt.Ms(Summary.Of(cached.Ms).Median)} ms";
        foreach (var (toolchain, series) in bares)
        {
            line += $"; bare {toolchain.Label} {Fmt.Ms(Summary.Of(series.Ms).Median)} ms";
        }
        Note(line);
        return [fresh, cached, .. bares.Select(b => b.Series)];
    }

    private static LatencySeries Series(string language, string mode) => new(language, mode, [], [], []);

    private static void Record(LatencySeries series, RunOutcome outcome)
    {
        if (outcome.Kind == "ok")
        {
            series.Ms.Add(outcome.LatencyMs);
            series.Ids.Add(outcome.Id!);
        }
        else
        {
            Count(series.Errors, outcome.Kind + (outcome.Verdict is { } v ? ":" + v : ""));
        }
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>A CPU-bound call of about <see cref="BenchSettings.SpinMs"/> ms: the runtime the judge reports for it
    /// against the same call timed bare with the same clock.</summary>
    private async Task<FairnessResult> FairnessAsync(HttpClient http, string admin, string language, string bareRoot, CancellationToken cancellationToken)
    {
        var toolchain = BareToolchain.All.First(b => b.Language == language && b.Key != "gcc");
        var dir = await toolchain.PrepareAsync(bareRoot, Workloads.SpinBare(language), cancellationToken);
        try
        {
            // Calibrate n on this machine now, so the loop takes about SpinMs bare.
            long n = language == "python" ? 500_000 : 5_000_000;
            for (var round = 0; round < 3; round++)
            {
                var (_, probe) = await toolchain.RunOnlyAsync(dir, [n.ToString(CultureInfo.InvariantCulture)], cancellationToken);
                var cpu = Parse(probe).CpuMs;
                n = Math.Clamp((long)(n * settings.SpinMs / Math.Max(cpu, 1)), 1000, int.MaxValue);
            }
            var (_, first) = await toolchain.RunOnlyAsync(dir, [n.ToString(CultureInfo.InvariantCulture)], cancellationToken);
            await CodeRoomClient.PutProblemAsync(http, admin, Workloads.SpinProblem(language, n, Parse(first).Value), cancellationToken);
            var client = await CodeRoomClient.CreateAsync(http, "bench-fair-" + language, cancellationToken);
            Note($"{language}: fairness, n = {n}, {settings.FairnessRuns} runs judged and bare");
            await client.RunAsync(Workloads.SpinSlug(language), language, Workloads.Spin(language), cancellationToken);

            var result = new FairnessResult(language, n, [], [], [], 0);
            var errors = 0;
            for (var i = 0; i < settings.FairnessRuns; i++)
            {
                var (_, stdout) = await toolchain.RunOnlyAsync(dir, [n.ToString(CultureInfo.InvariantCulture)], cancellationToken);
                var bare = Parse(stdout);
                result.BareMs.Add(bare.WallMs);
                result.BareCpuMs.Add(bare.CpuMs);
                var judged = await client.RunAsync(Workloads.SpinSlug(language), language, Workloads.Spin(language), cancellationToken);
                if (judged is { Kind: "ok", FirstRuntimeMs: { } runtime })
                {
                    result.JudgeMs.Add(runtime);
                }
                else
                {
                    errors++;
                }
            }
            Note($"{language}: fairness judged median {Fmt.Ms(Summary.Of(result.JudgeMs).Median)} ms, bare {Fmt.Ms(Summary.Of(result.BareMs).Median)} ms");
            Note($"{language}: judged runs (ms) {string.Join(' ', result.JudgeMs.Select(Fmt.Ms))}; bare {string.Join(' ', result.BareMs.Select(Fmt.Ms))}");
            return result with { Errors = errors };
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (long Value, double WallMs, double CpuMs) Parse(string stdout)
    {
        var parts = stdout.Trim().Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>N clients each pressing Run (Python, new code each time) back to back for a fixed time. A 429 or 503
    /// is waited out for its Retry-After (bounded by the deadline); nothing is retried silently.</summary>
    private async Task<ThroughputResult> ThroughputAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var clients = new List<CodeRoomClient>();
        for (var i = 0; i < settings.Clients; i++)
        {
            clients.Add(await CodeRoomClient.CreateAsync(http, "bench-load-" + i.ToString(CultureInfo.InvariantCulture), cancellationToken));
        }
        Note($"throughput: {settings.Clients} clients, Python runs for {settings.ThroughputDuration.TotalSeconds:0} s");
        var outcomes = new ConcurrentBag<RunOutcome>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, c) =>
        {
            for (var i = 0; watch.Elapsed < settings.ThroughputDuration; i++)
            {
                var outcome = await client.RunAsync(Workloads.TwoSumSlug, "python", Workloads.TwoSum("python", Workloads.Tag($"load{c}", i)), cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Kind is "http_429" or "http_503")
                {
                    var left = settings.ThroughputDuration - watch.Elapsed;
                    if (left > TimeSpan.Zero)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(1, left.TotalSeconds)), cancellationToken);
                    }
                }
            }
        }));
        var result = new ThroughputResult(settings.Clients, watch.Elapsed.TotalSeconds, [.. outcomes]);
        var okCount = result.Outcomes.Count(o => o.Kind == "ok");
        Note($"throughput: {okCount} ok runs in {result.Seconds:0.0} s = {okCount / result.Seconds:0.0} runs/s");
        return result;
    }

    /// <summary>Over capacity on purpose: a burst larger than the queue (JudgeQueue:Capacity, default 64, plus the
    /// workers). Every request must end in a result (at once or after polling) or a 503 with Retry-After.</summary>
    private async Task<ThroughputResult> OverloadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var client = await CodeRoomClient.CreateAsync(http, "bench-burst", cancellationToken);
        Note($"overload: {settings.OverloadBurst} simultaneous Python runs");
        var watch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, settings.OverloadBurst).Select(i =>
            client.RunAsync(Workloads.TwoSumSlug, "python", Workloads.TwoSum("python", Workloads.Tag("burst", i)), cancellationToken)));
        var result = new ThroughputResult(settings.OverloadBurst, watch.Elapsed.TotalSeconds, [.. outcomes]);
        Note("overload: " + string.Join(", ", result.Outcomes.GroupBy(o => o.Kind + (o.Kind == "http_503" ? (o.RetryAfter ? "+retry-after" : "-no-retry-after") : "") + (o.Polled ? " (polled)" : ""))
            .Select(g => $"{g.Key} {g.Count()}")));
        return result;
    }
}
