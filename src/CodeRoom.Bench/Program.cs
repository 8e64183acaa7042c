using System.CommandLine;
using CodeRoom.Bench;

var runs = new Option<int>("--runs") { Description = "sequential runs per language and mode (median over them)", DefaultValueFactory = _ => 15 };
var warmup = new Option<int>("--warmup") { Description = "warm-up runs per language before measuring", DefaultValueFactory = _ => 2 };
var languages = new Option<string>("--languages") { Description = "comma-separated: python,java,cpp,javascript,typescript,go,rust,csharp", DefaultValueFactory = _ => "python,java,cpp,javascript,typescript,go,rust,csharp" };
var clients = new Option<int>("--clients") { Description = "concurrent clients in the throughput phase (0 skips it)", DefaultValueFactory = _ => 32 };
var duration = new Option<int>("--duration") { Description = "seconds of the throughput phase", DefaultValueFactory = _ => 20 };
var burst = new Option<int>("--overload") { Description = "requests sent at once to check over-capacity answers (0 skips it)", DefaultValueFactory = _ => 96 };
var fairnessRuns = new Option<int>("--fairness-runs") { Description = "runs of the CPU-bound solution, judged and bare", DefaultValueFactory = _ => 10 };
var fairnessLanguages = new Option<string>("--fairness-languages") { Description = "comma-separated languages for the fairness check (empty skips it)", DefaultValueFactory = _ => "python,cpp" };
var spinMs = new Option<int>("--spin-ms") { Description = "bare duration of the CPU-bound call", DefaultValueFactory = _ => 200 };
var output = new Option<string>("--output") { Description = "markdown report, relative to the repository", DefaultValueFactory = _ => "docs/benchmarks.md" };
var noWrite = new Option<bool>("--no-write") { Description = "print the report only" };
var config = new Option<string[]>("--config") { Description = "extra service configuration, Key=Value (e.g. Sandbox__Slots=2), repeatable", AllowMultipleArgumentsPerToken = false };
var keep = new Option<bool>("--keep-temp") { Description = "keep the temp folder (service.log, bench.db) for a look" };
var fleet = new Option<bool>("--fleet") { Description = "issue 12: the broker hop (the embedded service and the RabbitMQ fleet side by side), Python throughput with 1 and 2 runners and 2 Api instances (--clients, --duration), runs/s per runner slot per language (writes its own section of the report)" };
var gapMs = new Option<int>("--gap-ms")
{
    Description = "--fleet: pause before each measured side-by-side run, as between a candidate's presses of Run (0: back to back)",
    DefaultValueFactory = _ => 300,
};
var fleetSqliteOnly = new Option<bool>("--fleet-sqlite-only")
{
    Description = "--fleet: skip the second side-by-side phase with PostgreSQL under both sides (the fleet's production storage)",
};
var maxMinutes = new Option<int>("--max-minutes") { Description = "hard stop for the whole bench", DefaultValueFactory = _ => 40 };

var root = new RootCommand("CodeRoom benchmark (issue 7): Run latency through HTTP vs the bare toolchains, throughput, fair timing. " +
    "Starts its own service on 127.0.0.1 with a throwaway database and stops it at the end.")
{
    runs, warmup, languages, clients, duration, burst, fairnessRuns, fairnessLanguages, spinMs, output, noWrite, config, keep, maxMinutes, fleet, gapMs,
    fleetSqliteOnly,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var repo = FindRepoRoot(Environment.CurrentDirectory);
    if (repo is null)
    {
        await Console.Error.WriteLineAsync("run from inside the CodeRoom repository (no CodeRoom.slnx above the current folder)");
        return 2;
    }
    static string[] List(string? value) => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var langs = List(parse.GetValue(languages));
    var fair = List(parse.GetValue(fairnessLanguages));
    if (langs.Concat(fair).FirstOrDefault(l => !Workloads.Languages.Contains(l)) is { } unknown)
    {
        await Console.Error.WriteLineAsync($"unknown language {unknown}: {string.Join(", ", Workloads.Languages)}");
        return 2;
    }
    var settings = new BenchSettings(repo, Math.Max(1, parse.GetValue(runs)), Math.Max(0, parse.GetValue(warmup)), langs,
        Math.Max(0, parse.GetValue(clients)), TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(duration), 1, 600)),
        Math.Clamp(parse.GetValue(burst), 0, 1000), Math.Max(1, parse.GetValue(fairnessRuns)), fair, Math.Max(10, parse.GetValue(spinMs)),
        parse.GetValue(noWrite) ? null : Path.Combine(repo, parse.GetValue(output)!),
        (parse.GetValue(config) ?? []).Select(c => c.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0].Trim(), kv => kv[1]),
        parse.GetValue(keep), Math.Clamp(parse.GetValue(gapMs), 0, 10_000), !parse.GetValue(fleetSqliteOnly));

    // The bench stops by itself: every phase is bounded in count or time, and this bounds the whole.
    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    deadline.CancelAfter(TimeSpan.FromMinutes(Math.Clamp(parse.GetValue(maxMinutes), 1, 240)));
    if (parse.GetValue(fleet))
    {
        var section = await new FleetBench(settings, Console.Error).RunAsync(deadline.Token);
        Console.WriteLine(section);
        if (settings.OutputPath is { } report)
        {
            var existing = File.Exists(report) ? await File.ReadAllTextAsync(report, CancellationToken.None) : "";
            await File.WriteAllTextAsync(report, FleetBench.Merge(existing, section), CancellationToken.None);
            await Console.Error.WriteLineAsync($"wrote the fleet section of {report}");
        }
        return 0;
    }
    var results = await new Bench(settings, Console.Error).RunAsync(deadline.Token);
    var markdown = Report.Markdown(results);
    Console.WriteLine(markdown);
    if (settings.OutputPath is { } path)
    {
        // The fleet bench's section (bench --fleet) stays.
        if (File.Exists(path) && FleetBench.Section(await File.ReadAllTextAsync(path, CancellationToken.None)) is { } kept)
        {
            markdown = FleetBench.Merge(markdown, kept);
        }
        // So does the admin dashboard's (coderoom db stats-timing --output, issue 13).
        if (File.Exists(path) && AdminStatsSection.Section(await File.ReadAllTextAsync(path, CancellationToken.None)) is { } admin)
        {
            markdown = markdown.TrimEnd('\n') + "\n\n" + admin;
        }
        await File.WriteAllTextAsync(path, markdown, CancellationToken.None);
        await Console.Error.WriteLineAsync($"wrote {path}");
    }
    return 0;
});
return await root.Parse(args).InvokeAsync();

static string? FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CodeRoom.slnx")))
        {
            return dir.FullName;
        }
    }
    return null;
}
