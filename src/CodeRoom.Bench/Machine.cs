using System.Globalization;

namespace CodeRoom.Bench;

/// <summary>What the numbers were measured on: they mean little without it (issue 7: the table keeps its machine).</summary>
internal sealed record Machine(int Cores, string Cpu, string Memory, string Kernel, string LoadAtStart)
{
    public static Machine Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : "unknown";
        var memKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } mem
            ? long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) : 0;
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() ?? "unknown";
        return new Machine(Environment.ProcessorCount, cpu, Fmt.N(memKb / 1024.0 / 1024.0) + " GiB", kernel, LoadAverage());
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', (ReadLines("/proc/loadavg").FirstOrDefault() ?? "").Split(' ').Take(3));

    public static double Load1() => double.TryParse(LoadAverage().Split(' ')[0], CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    private static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}

/// <summary>Samples the 1-minute load average every few seconds for the whole run: on a shared 2-core machine the
/// load is part of the result.</summary>
internal sealed class LoadSampler : IAsyncDisposable
{
    private readonly List<double> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoadSampler() => _loop = LoopAsync();

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            do
            {
                lock (_samples)
                {
                    _samples.Add(Machine.Load1());
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public Summary Snapshot()
    {
        lock (_samples)
        {
            return Summary.Of(_samples.Where(s => !double.IsNaN(s)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
