using System.Diagnostics;
using System.Threading.Channels;
using CodeRoom.Judge.Sandbox.Cgroups;

namespace CodeRoom.Judge.Sandbox;

public sealed partial class BwrapSandbox
{
    /// <summary>Per-run lap bookkeeping shared by the control reader and the watchdog loop, and the caller's handle
    /// on the program's stdin.</summary>
    private sealed class Monitor(IRunCgroup cgroup) : ISandboxMonitor
    {
        private readonly Lock _lock = new();
        private readonly List<LapMeasurement> _laps = [];
        private string? _lap;
        private TimeSpan _lapStartCpu;
        private TimeSpan _lapBudget;
        private TimeSpan _lapWallBudget;
        private long _lapStartWallTicks;

        /// <summary>What the caller sends after the initial stdin; the stdin writer drains it (unbounded: a judge queues
        /// one test's input at a time, and never more than the run's inputs).</summary>
        public Channel<ReadOnlyMemory<byte>> Input { get; } =
            Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });

        /// <summary>Kills the process tree; set when the process starts.</summary>
        public Action? OnStop { get; set; }

        /// <summary>Where the run's shadow memory lives, measured at each lap's end (<see cref="SandboxLimits.ShadowRange"/>).</summary>
        public AddressRange? ShadowRange { get; set; }

        private long _lapStartPeak;

        /// <summary>CPU used before the run was fed (a prepared sandbox's start-up): not the program's to answer for.</summary>
        public TimeSpan Baseline { get; set; }

        /// <summary>CPU since the run was fed, the same clock as <see cref="SandboxOutcome.CpuTime"/>.</summary>
        public TimeSpan CpuTime => cgroup.CpuUsage() - Baseline;

        public string? CurrentLap
        {
            get
            {
                lock (_lock)
                {
                    return _lap;
                }
            }
        }

        public IReadOnlyList<LapMeasurement> CompletedLaps
        {
            get
            {
                lock (_lock)
                {
                    return _laps.ToList();
                }
            }
        }

        /// <summary>Peak memory of the run before the last reset of the kernel's counter.</summary>
        public long PeakBeforeReset { get; private set; }

        public void StartLap(string name, TimeSpan cpuBudget) => StartLap(name, cpuBudget, cpuBudget * 3 + TimeSpan.FromSeconds(1));

        public void StartLap(string name, TimeSpan cpuBudget, TimeSpan wallBudget)
        {
            var cpu = cgroup.CpuUsage();
            var before = cgroup.PeakMemoryBytes();
            // Each lap's peak is its own where the kernel can reset the counter (v1); otherwise the run's peak so far.
            var reset = cgroup.TryResetPeakMemory();
            lock (_lock)
            {
                _lap = name;
                _lapStartCpu = cpu;
                _lapBudget = cpuBudget;
                _lapWallBudget = wallBudget;
                _lapStartWallTicks = Stopwatch.GetTimestamp();
                _lapStartPeak = reset ? 0 : before;
                PeakBeforeReset = Math.Max(PeakBeforeReset, before);
            }
        }

        public LapMeasurement EndLap()
        {
            var cpu = cgroup.CpuUsage();
            var peak = cgroup.PeakMemoryBytes();
            lock (_lock)
            {
                var lap = new LapMeasurement(_lap ?? "", cpu - _lapStartCpu, peak)
                {
                    WallTime = Stopwatch.GetElapsedTime(_lapStartWallTicks),
                    PeakAtStartBytes = _lapStartPeak,
                };
                _laps.Add(lap);
                _lap = null;
                return lap;
            }
        }

        public long ShadowBytes() => ShadowRange is { } range ? ShadowMemory.ResidentBytes(cgroup.Processes(), range) : 0;

        public void Send(ReadOnlyMemory<byte> bytes) => Input.Writer.TryWrite(bytes);

        public void CloseInput() => Input.Writer.TryComplete();

        public void Stop() => OnStop?.Invoke();

        /// <summary>Which of the lap's budgets ran out, if any: CPU, or wall-clock time (sleeping or blocked code).</summary>
        public TerminationReason? LapExceeded(TimeSpan cpu)
        {
            lock (_lock)
            {
                if (_lap is null)
                {
                    return null;
                }
                if (cpu - _lapStartCpu > _lapBudget)
                {
                    return TerminationReason.CpuTimeLimit;
                }
                return Stopwatch.GetElapsedTime(_lapStartWallTicks) > _lapWallBudget ? TerminationReason.WallTimeLimit : null;
            }
        }
    }
}
