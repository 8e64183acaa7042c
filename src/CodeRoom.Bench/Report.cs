using System.Globalization;
using System.Text;

namespace CodeRoom.Bench;

/// <summary>The table of issue 7: per language bare vs CodeRoom, the ratio, p50/p95/p99, runs per second, each
/// target met or missed; the machine and its load beside it.</summary>
internal static class Report
{
    private sealed record Target(string Name, string Measured, string Goal, bool? Met);

    public static string Markdown(BenchResults r)
    {
        var s = new StringBuilder();
        var m = r.Machine;
        s.AppendLine("# Benchmarks");
        s.AppendLine();
        s.AppendLine("Written by `./coderoom bench` (src/CodeRoom.Bench, issue 7). End-to-end through HTTP on loopback: POST /api/coding/run");
        s.AppendLine("(plus polling /api/coding/status when the answer is 202) of a trivial two-sum solution to a 3-test problem, against the");
        s.AppendLine("bare toolchain compiling and running the same code on the same 3 tests, interleaved run by run in the same bench run.");
        s.AppendLine("\"fresh\" changes a comment every run (compile cache miss); \"cached\" sends unchanged code (compile cache hit).");
        s.AppendLine("Measuring starts once the service's own warm-up has ended (its \"Judge warm-up done\" line, then 3 s).");
        s.AppendLine();
        s.AppendLine("## Machine");
        s.AppendLine();
        s.AppendLine($"- date: {r.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}, bench took {r.Elapsed.TotalMinutes:0.0} min");
        s.AppendLine($"- cores (nproc): {m.Cores}; CPU: {m.Cpu}; memory: {m.Memory}; kernel: {m.Kernel}");
        s.AppendLine($"- load average at start (1/5/15 min): {m.LoadAtStart}; 1-min load during the run: min {Fmt.N(r.Load.Min)}, median {Fmt.N(r.Load.Median)}, max {Fmt.N(r.Load.Max)}");
        // The load during the run includes the bench's own clients and service (the throughput phase alone keeps both
        // cores busy); other work shows as load before the bench started.
        var startLoad = double.TryParse(m.LoadAtStart.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var l) ? l : 0;
        if (startLoad > m.Cores)
        {
            s.AppendLine($"- **the machine was loaded (1-min load {Fmt.N(startLoad)} above {m.Cores} cores) by other work when the bench started: treat these numbers as provisional**");
        }
        s.AppendLine($"- settings: {r.Settings.Runs} sequential runs per mode after {r.Settings.Warmup} warm-up runs; throughput {r.Settings.Clients} clients for {r.Settings.ThroughputDuration.TotalSeconds:0} s; overload burst {r.Settings.OverloadBurst}; fairness {r.Settings.FairnessRuns} runs of ~{r.Settings.SpinMs:0} ms");
        if (r.Settings.ServiceConfig.Count > 0)
        {
            s.AppendLine("- service configuration besides the bench's own: " + string.Join(", ", r.Settings.ServiceConfig.Select(kv => $"`{kv.Key}={kv.Value}`")));
        }
        s.AppendLine();

        s.AppendLine("## Latency per language (ms)");
        s.AppendLine();
        s.AppendLine("| language | series | median | p95 | p99 | min | max | runs/s (1 client) | vs bare baseline | errors |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var language in r.Settings.Languages)
        {
            var baseline = Baseline(r, language);
            foreach (var series in r.Latency.Where(x => x.Language == language))
            {
                var sum = Summary.Of(series.Ms);
                var label = series.Mode switch
                {
                    "fresh" => "CodeRoom, fresh code",
                    "cached" => "CodeRoom, unchanged code",
                    var key => "bare " + BareToolchain.All.First(b => b.Key == key).Label,
                };
                var ratio = baseline is { } b && series.Mode is "fresh" or "cached" ? Fmt.X(sum.Median / b.Median) : "";
                s.AppendLine($"| {language} | {label} | {Fmt.Ms(sum.Median)} | {Fmt.Ms(sum.P95)} | {Fmt.Ms(sum.P99)} | {Fmt.Ms(sum.Min)} | {Fmt.Ms(sum.Max)} | {Fmt.N(1000 / sum.Median, "0.00")} | {ratio} | {Errors(series.Errors)} |");
            }
        }
        s.AppendLine();
        s.AppendLine("The ratio column divides by the issue's baseline: `python3.11 solution.py`, `javac` + `java`, `g++ -O2` with `<bits/stdc++.h>` + run.");
        s.AppendLine();

        AppendServerBreakdown(s, r);
        CheckBench.Append(s, r.Checks);
        AppendThroughput(s, r);
        AppendFairness(s, r);

        s.AppendLine("## Targets (issue 7)");
        s.AppendLine();
        s.AppendLine("| target | measured | goal | result |");
        s.AppendLine("|---|---|---|---|");
        foreach (var t in Targets(r))
        {
            s.AppendLine($"| {t.Name} | {t.Measured} | {t.Goal} | {(t.Met is null ? "not measured" : t.Met.Value ? "met" : "**missed**")} |");
        }
        s.AppendLine();
        return s.ToString();
    }

    private static Summary? Baseline(BenchResults r, string language)
    {
        var key = language switch { "python" => "python", "java" => "java", "javascript" => "node", "typescript" => "tsc", "go" => "gobuild", "rust" => "rustc", "csharp" => "dotnet", _ => "gcc" };
        var series = r.Latency.FirstOrDefault(x => x.Language == language && x.Mode == key);
        return series is null || series.Ms.Count == 0 ? null : Summary.Of(series.Ms);
    }

    private static Summary Of(BenchResults r, string language, string mode) =>
        Summary.Of(r.Latency.FirstOrDefault(x => x.Language == language && x.Mode == mode)?.Ms ?? []);

    private static string Errors(Dictionary<string, int> errors) =>
        errors.Count == 0 ? "0" : string.Join(", ", errors.Select(e => $"{e.Key}: {e.Value}"));

    private static void AppendServerBreakdown(StringBuilder s, BenchResults r)
    {
        s.AppendLine("## Where the time goes on the server (medians, ms)");
        s.AppendLine();
        s.AppendLine("Read from the bench's own database: queue = created to started, judge = started to finished (compile + sandboxed runs +");
        s.AppendLine("storing), compile = the compile step the engine logged, rest = client latency minus created-to-finished (HTTP, auth,");
        s.AppendLine("validation, database round trips, waiting for the completion, polling).");
        s.AppendLine();
        s.AppendLine("| language | series | client latency | queue | judge | compile | engine wall | rest |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var series in r.Latency.Where(x => x.Mode is "fresh" or "cached"))
        {
            var rows = series.Ids.Zip(series.Ms).Where(p => r.ServerTimings.ContainsKey(p.First))
                .Select(p => (Latency: p.Second, T: r.ServerTimings[p.First])).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            s.AppendLine($"| {series.Language} | {series.Mode} | {Fmt.Ms(Summary.Of(rows.Select(x => x.Latency)).Median)} | " +
                $"{Fmt.Ms(Summary.Of(rows.Select(x => x.T.QueueMs)).Median)} | {Fmt.Ms(Summary.Of(rows.Select(x => x.T.JudgeMs)).Median)} | " +
                $"{Fmt.Ms(Summary.Of(rows.Where(x => x.T.CompileMs is not null).Select(x => x.T.CompileMs!.Value)).Median)} | " +
                $"{Fmt.Ms(Summary.Of(rows.Where(x => x.T.EngineWallMs is not null).Select(x => x.T.EngineWallMs!.Value)).Median)} | " +
                $"{Fmt.Ms(Summary.Of(rows.Select(x => x.Latency - x.T.QueueMs - x.T.JudgeMs)).Median)} |");
        }
        s.AppendLine();
    }

    private static void AppendThroughput(StringBuilder s, BenchResults r)
    {
        if (r.Throughput is { } t)
        {
            var ok = t.Outcomes.Where(o => o.Kind == "ok").ToList();
            var sum = Summary.Of(ok.Select(o => o.LatencyMs));
            s.AppendLine("## Throughput (Python, fresh code)");
            s.AppendLine();
            s.AppendLine($"{t.Clients} concurrent clients for {t.Seconds:0.0} s (until the last in-flight run answered).");
            s.AppendLine();
            s.AppendLine("| runs/s | ok runs | p50 | p95 | p99 | max | answered after polling | 429 | 503 (with Retry-After) | 503 without Retry-After | other HTTP | failed | wrong verdict | client time-outs |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            s.AppendLine($"| {Fmt.N(ok.Count / t.Seconds)} | {ok.Count} | {Fmt.Ms(sum.Median)} | {Fmt.Ms(sum.P95)} | {Fmt.Ms(sum.P99)} | {Fmt.Ms(sum.Max)} | {ok.Count(o => o.Polled)} | " +
                $"{t.Outcomes.Count(o => o.Kind == "http_429")} | {t.Outcomes.Count(o => o.Kind == "http_503" && o.RetryAfter)} | {t.Outcomes.Count(o => o.Kind == "http_503" && !o.RetryAfter)} | " +
                $"{t.Outcomes.Count(o => o.Kind == "http_other")} | {t.Outcomes.Count(o => o.Kind == "failed")} | {Verdicts(t.Outcomes)} | {t.Outcomes.Count(o => o.Kind == "timeout")} |");
            s.AppendLine();
            var timed = ok.Where(o => o.Id is not null && r.ServerTimings.ContainsKey(o.Id)).Select(o => r.ServerTimings[o.Id!]).ToList();
            if (timed.Count > 0)
            {
                s.AppendLine($"Server side under load (medians): queue {Fmt.Ms(Summary.Of(timed.Select(x => x.QueueMs)).Median)} ms, judge {Fmt.Ms(Summary.Of(timed.Select(x => x.JudgeMs)).Median)} ms.");
                s.AppendLine();
            }
        }
        var errors = (r.Throughput?.Outcomes ?? []).Concat(r.Overload?.Outcomes ?? []).Where(o => o.Kind == "wrong")
            .GroupBy(o => $"{o.Verdict}: {Truncate(o.Error ?? "(no message)")}").OrderByDescending(g => g.Count()).Take(5).ToList();
        if (errors.Count > 0)
        {
            s.AppendLine("A correct solution judged otherwise under load (most frequent messages):");
            s.AppendLine();
            foreach (var g in errors)
            {
                s.AppendLine($"- {g.Count()} x `{g.Key}`");
            }
            s.AppendLine();
        }
        if (r.Overload is { } o)
        {
            s.AppendLine($"Overload check: {o.Clients} Run requests sent at once (more than the judge queue holds), all answered within {o.Seconds:0.0} s: " +
                string.Join(", ", o.Outcomes.GroupBy(x => x.Kind switch
                {
                    "ok" => x.Polled ? "result after polling" : "result at once",
                    "http_503" => x.RetryAfter ? "503 with Retry-After" : "503 WITHOUT Retry-After",
                    "timeout" => "SILENT TIME-OUT",
                    var k => k,
                }).Select(g => $"{g.Key}: {g.Count()}")) + ".");
            s.AppendLine();
        }
    }

    /// <summary>A correct solution judged anything but accepted under load (a time limit hit because the machine was
    /// busy, say) is an error the candidate would see: count it by verdict.</summary>
    private static string Verdicts(IEnumerable<RunOutcome> outcomes)
    {
        var wrong = outcomes.Where(o => o.Kind == "wrong").GroupBy(o => o.Verdict ?? "none").ToList();
        return wrong.Count == 0 ? "0" : string.Join(", ", wrong.Select(g => $"{g.Key}: {g.Count()}"));
    }

    private static string Truncate(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace('`', '\'');
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    private static void AppendFairness(StringBuilder s, BenchResults r)
    {
        if (r.Fairness.Count == 0)
        {
            return;
        }
        s.AppendLine("## Fair timing (CPU-bound call, reported runtime vs bare)");
        s.AppendLine();
        s.AppendLine("runtime_ms as the judge reports it (the harness times the call) against the same call timed the same way in a bare");
        s.AppendLine("process; bare CPU is the process CPU time of the call, less sensitive to the machine's load.");
        s.AppendLine();
        s.AppendLine("| language | n | judged median | bare median | bare CPU median | difference | judged spread (max-min)/median | bare spread | errors |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in r.Fairness)
        {
            var j = Summary.Of(f.JudgeMs);
            var b = Summary.Of(f.BareMs);
            s.AppendLine($"| {f.Language} | {f.N} | {Fmt.Ms(j.Median)} | {Fmt.Ms(b.Median)} | {Fmt.Ms(Summary.Of(f.BareCpuMs).Median)} | " +
                $"{Fmt.Pct((j.Median - b.Median) / b.Median)} | {Fmt.Pct(j.Spread)} | {Fmt.Pct(b.Spread)} | {f.Errors} |");
        }
        s.AppendLine();
        // Every run, in order (judged and bare interleaved): one slow outlier sets the spread, on either side.
        foreach (var f in r.Fairness)
        {
            s.AppendLine($"- {f.Language}, judged runs (ms): {string.Join(' ', f.JudgeMs.Select(Fmt.Ms))}; bare runs: {string.Join(' ', f.BareMs.Select(Fmt.Ms))}");
        }
        s.AppendLine();
    }

    private static List<Target> Targets(BenchResults r)
    {
        var targets = new List<Target>();
        void Ratio(string name, Summary measured, Summary? baseline, string baselineName, double goal)
        {
            if (measured.Count == 0 || baseline is null)
            {
                targets.Add(new Target(name, "n/a", $"<= {goal:0.##}x {baselineName}", null));
                return;
            }
            var ratio = measured.Median / baseline.Median;
            targets.Add(new Target(name, $"{Fmt.Ms(measured.Median)} / {Fmt.Ms(baseline.Median)} ms = {Fmt.X(ratio)}",
                $"<= {goal.ToString("0.##", CultureInfo.InvariantCulture)}x {baselineName}", ratio <= goal));
        }
        Ratio("Python run (fresh)", Of(r, "python", "fresh"), Baseline(r, "python"), "bare python3.11", 1.5);
        Ratio("Java run (fresh)", Of(r, "java", "fresh"), Baseline(r, "java"), "bare javac + java", 0.25);
        Ratio("C++ run (fresh)", Of(r, "cpp", "fresh"), Baseline(r, "cpp"), "bare g++ -O2 + run", 0.3);
        Ratio("JavaScript run (fresh)", Of(r, "javascript", "fresh"), Baseline(r, "javascript"), "bare node", 1.0);
        Ratio("TypeScript run (fresh)", Of(r, "typescript", "fresh"), Baseline(r, "typescript"), "bare tsc + node", 0.5);
        Ratio("Go run (fresh)", Of(r, "go", "fresh"), Baseline(r, "go"), "bare go build + run", 0.6);
        Ratio("Rust run (fresh)", Of(r, "rust", "fresh"), Baseline(r, "rust"), "bare rustc -O + run", 0.6);
        Ratio("C# run (fresh)", Of(r, "csharp", "fresh"), Baseline(r, "csharp"), "bare dotnet run", 0.2);
        var python = Of(r, "python", "cached");
        Ratio("Java run, unchanged code (cache hit)", Of(r, "java", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);
        Ratio("C++ run, unchanged code (cache hit)", Of(r, "cpp", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);
        Ratio("JavaScript run, unchanged code", Of(r, "javascript", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);
        Ratio("TypeScript run, unchanged code (cache hit)", Of(r, "typescript", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);
        Ratio("Go run, unchanged code (cache hit)", Of(r, "go", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);
        Ratio("Rust run, unchanged code (cache hit)", Of(r, "rust", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);
        Ratio("C# run, unchanged code (cache hit)", Of(r, "csharp", "cached"), python.Count > 0 ? python : null, "Python (unchanged code)", 1.5);

        if (r.Throughput is { } t)
        {
            var ok = t.Outcomes.Where(o => o.Kind == "ok").ToList();
            var rate = ok.Count / t.Seconds;
            var p99 = Summary.Of(ok.Select(o => o.LatencyMs)).P99;
            var errors = t.Outcomes.Count(o => o.Kind != "ok");
            targets.Add(new Target($"Throughput, {t.Clients} clients, Python", $"{Fmt.N(rate)} runs/s", ">= 30 runs/s", rate >= 30));
            targets.Add(new Target("Throughput p99", $"{Fmt.Ms(p99)} ms", "< 1000 ms", p99 < 1000));
            targets.Add(new Target("Throughput errors", errors.ToString(CultureInfo.InvariantCulture), "0", errors == 0));
        }
        var silent = (r.Throughput?.Outcomes ?? []).Concat(r.Overload?.Outcomes ?? [])
            .Count(o => o.Kind == "timeout" || (o.Kind == "http_503" && !o.RetryAfter));
        if (r.Throughput is not null || r.Overload is not null)
        {
            targets.Add(new Target("Over capacity: wait or 503 + Retry-After, never a silent time-out",
                $"{silent} silent time-outs or 503s without Retry-After", "0", silent == 0));
        }
        foreach (var f in r.Fairness)
        {
            var j = Summary.Of(f.JudgeMs);
            var b = Summary.Of(f.BareMs);
            var diff = Math.Abs(j.Median - b.Median) / b.Median;
            targets.Add(new Target($"Fair timing {f.Language}: judged vs bare", Fmt.Pct((j.Median - b.Median) / b.Median), "within 5%",
                j.Count == 0 ? null : diff <= 0.05));
            targets.Add(new Target($"Fair timing {f.Language}: variation over {j.Count} runs", Fmt.Pct(j.Spread), "<= 10%",
                j.Count == 0 ? null : j.Spread <= 0.10));
        }
        return targets;
    }
}
