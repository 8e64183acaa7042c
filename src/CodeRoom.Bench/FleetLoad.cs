using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CodeRoom.Bench;

/// <summary>One load phase of `bench --fleet`: clients pressing Run back to back for a fixed time, and how busy the
/// whole machine's CPUs were meanwhile (every process: services, runners, broker, database, the bench's clients).</summary>
internal sealed record LoadPhase(string Setup, string Language, int Clients, double Seconds, List<RunOutcome> Outcomes, double BusyCores)
{
    public List<RunOutcome> Ok => [.. Outcomes.Where(o => o.Kind == "ok")];
    public double RunsPerSecond => Ok.Count / Seconds;
    public Summary Latency => Summary.Of(Ok.Select(o => o.LatencyMs));
    public int Count(string kind) => Outcomes.Count(o => o.Kind == kind);

    /// <summary>Everything that is not an accepted run, by kind (and verdict), for the table.</summary>
    public string Errors
    {
        get
        {
            var bad = Outcomes.Where(o => o.Kind != "ok").GroupBy(o => o.Kind + (o.Verdict is { } v ? ":" + v : "")).ToList();
            return bad.Count == 0 ? "0" : string.Join(", ", bad.Select(g => $"{g.Key} {g.Count()}"));
        }
    }
}

/// <summary>CPU time of the whole machine from /proc/stat: busy = all but idle and iowait.</summary>
internal readonly record struct CpuSample(long Busy, long Total)
{
    public static CpuSample Read()
    {
        var line = File.Exists("/proc/stat") ? File.ReadLines("/proc/stat").FirstOrDefault() ?? "" : "";
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        if (fields.Length < 5)
        {
            return new CpuSample(0, 0);
        }
        // user nice system idle iowait irq softirq steal (guest time is already counted in user).
        var total = fields.Take(8).Sum();
        return new CpuSample(total - fields[3] - fields[4], total);
    }

    /// <summary>Average busy cores between two samples (0 to the core count).</summary>
    public static double BusyCores(CpuSample start, CpuSample end) =>
        end.Total <= start.Total ? double.NaN : Environment.ProcessorCount * (double)(end.Busy - start.Busy) / (end.Total - start.Total);
}

internal static class FleetLoad
{
    /// <summary>Each client presses Run back to back until the duration is over (the last runs in flight still
    /// count), after one unmeasured round. A 429 or 503 is waited out for a second (bounded by the deadline); nothing is retried silently.
    /// <paramref name="code"/> gives the code for client c's i-th run.</summary>
    public static async Task<LoadPhase> RunAsync(string setup, IReadOnlyList<CodeRoomClient> clients, string language,
        Func<int, int, string> code, TimeSpan duration, CancellationToken cancellationToken)
    {
        // One unmeasured round first: a runner that just started, or a pool sized for fewer clients, warms up here.
        await Task.WhenAll(clients.Select((client, c) => client.RunAsync(Workloads.TwoSumSlug, language, code(c, -1), cancellationToken)));
        var outcomes = new ConcurrentBag<RunOutcome>();
        var cpu = CpuSample.Read();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, c) =>
        {
            for (var i = 0; watch.Elapsed < duration; i++)
            {
                var outcome = await client.RunAsync(Workloads.TwoSumSlug, language, code(c, i), cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Kind is "http_429" or "http_503")
                {
                    var left = duration - watch.Elapsed;
                    if (left > TimeSpan.Zero)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(1, left.TotalSeconds)), cancellationToken);
                    }
                }
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        return new LoadPhase(setup, language, clients.Count, seconds, [.. outcomes], CpuSample.BusyCores(cpu, CpuSample.Read()));
    }

    /// <summary>Distinct users (the Api allows one run in flight per user), each with an attempt.</summary>
    public static async Task<List<CodeRoomClient>> ClientsAsync(HttpClient http, string prefix, int count, CancellationToken cancellationToken)
    {
        var clients = new List<CodeRoomClient>();
        for (var i = 0; i < count; i++)
        {
            clients.Add(await CodeRoomClient.CreateAsync(http, prefix + i.ToString(CultureInfo.InvariantCulture), cancellationToken));
        }
        return clients;
    }

    public static string Line(LoadPhase p) =>
        $"{p.Setup}: {p.Ok.Count} ok runs in {p.Seconds:0.0} s = {Fmt.N(p.RunsPerSecond)} runs/s, p50 {Fmt.Ms(p.Latency.Median)} ms, " +
        $"p99 {Fmt.Ms(p.Latency.P99)} ms, CPU busy {Fmt.N(p.BusyCores, "0.00")} cores, errors {p.Errors}";

    /// <summary>The throughput table, the capacity table and what this machine can and cannot show.</summary>
    public static void AppendMarkdown(StringBuilder md, IReadOnlyList<LoadPhase> throughput, IReadOnlyList<LoadPhase> capacity,
        int capacitySlots, int cores)
    {
        if (throughput.Count > 0)
        {
            var t = throughput[0];
            md.AppendLine(CultureInfo.InvariantCulture, $"### Throughput: Python, fresh code, {t.Clients} clients (distinct users) for {Fmt.N(t.Seconds, "0")} s each");
            md.AppendLine();
            md.AppendLine("Each client presses Run again as soon as it holds a result. Run/submit rate limits are raised out of the way on every Api " +
                "instance, as in the main bench. The services keep their default `Sandbox:Slots` (4) unless `--config` says otherwise. " +
                "Machine CPU busy is the average of all processes on the machine (services, runners, RabbitMQ, SQLite, the bench's own clients, and any other work: see the load average above), in cores.");
            Table(md, "| setup | runs/s | ok runs | p50 | p95 | p99 | max | answered after polling | machine CPU busy | not accepted |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|", throughput.Select(p =>
                    $"| {p.Setup} | {Fmt.N(p.RunsPerSecond)} | {p.Ok.Count} | {Fmt.Ms(p.Latency.Median)} ms | {Fmt.Ms(p.Latency.P95)} ms | " +
                    $"{Fmt.Ms(p.Latency.P99)} ms | {Fmt.Ms(p.Latency.Max)} ms | {p.Ok.Count(o => o.Polled)} | {Fmt.N(p.BusyCores, "0.00")} of {cores} | {p.Errors} |"));
        }
        if (capacity.Count > 0)
        {
            var c = capacity[0];
            md.AppendLine(CultureInfo.InvariantCulture, $"### Capacity per language: unchanged code, 1 runner, `Sandbox:Slots`={capacitySlots}, {c.Clients} clients for {Fmt.N(c.Seconds, "0")} s each");
            md.AppendLine();
            md.AppendLine("The same solution each time (a compile cache hit for Java and C++), through the fleet (1 Api, RabbitMQ, the runner). " +
                $"Runs/s per slot divides by the runner's {capacitySlots} slots (a slot is meant to be one core). Runs per machine CPU-second divides by " +
                "the CPU the whole machine spent (Api, broker, database and the bench's clients included), so it is a lower bound for what one " +
                "runner core does when the runner has its machine to itself.");
            Table(md, "| language | runs/s | runs/s per slot | machine CPU busy | runs per machine CPU-second | p50 | p95 | p99 | not accepted |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---|", capacity.Select(p =>
                    $"| {p.Language} | {Fmt.N(p.RunsPerSecond)} | {Fmt.N(p.RunsPerSecond / capacitySlots)} | {Fmt.N(p.BusyCores, "0.00")} of {cores} | " +
                    $"{Fmt.N(p.RunsPerSecond / p.BusyCores)} | {Fmt.Ms(p.Latency.Median)} ms | {Fmt.Ms(p.Latency.P95)} ms | {Fmt.Ms(p.Latency.P99)} ms | {p.Errors} |"));
        }
        if (throughput.Count > 0 || capacity.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"**What this {cores}-core machine can and cannot show.** Every runner competes for the same {cores} cores ")
                .AppendLine("as the Api instances, RabbitMQ, the database (one SQLite file shared by every process here, not PostgreSQL) and the bench's own clients. " +
                "So a second runner or a second Api adds no CPU: these rows show whether the fleet works with 2 runners and 2 Api instances " +
                "and what the extra processes and the broker hop cost on a full machine, " +
                (throughput.Concat(capacity).All(p => p.Outcomes.All(o => o.Kind == "ok"))
                    ? "and every run in them was answered and accepted. "
                    : $"and {throughput.Concat(capacity).Sum(p => p.Outcomes.Count(o => o.Kind != "ok"))} runs in them were not accepted (last column). ") +
                "They cannot show how throughput scales with runners, nor a fleet's p99 with runners on machines of their own, nor PostgreSQL's " +
                "or RabbitMQ's limits: measure that with runners on separate machines. " +
                "The embedded row runs the judge in the Api process, without RabbitMQ or a second process; it is the same machine's ceiling, not a fleet's.");
            md.AppendLine();
        }
    }

    private static void Table(StringBuilder md, string header, string align, IEnumerable<string> rows)
    {
        md.AppendLine().AppendLine(header).AppendLine(align);
        foreach (var row in rows)
        {
            md.AppendLine(row);
        }
        md.AppendLine();
    }
}
