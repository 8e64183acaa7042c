using System.Diagnostics;
using System.Threading.Channels;
using CodeRoom.Judge.Sandbox.Cgroups;

namespace CodeRoom.Judge.Sandbox;

public sealed partial class BwrapSandbox
{
    public async Task<ISandboxSession> StartSessionAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        if (_options.StandbySlots <= 0)
        {
            throw new SandboxUnavailableException("no standby slots are configured (Sandbox:StandbySlots = 0)");
        }
        var setup = _setup.Value;
        var lease = await _standbySlots.AcquireAsync(cancellationToken).ConfigureAwait(false);
        IRunCgroup? cgroup = null;
        try
        {
            cgroup = setup.Cgroups.Create("session-" + RandomName(), spec.Limits.MemoryBytes, spec.Limits.MaxProcesses);
            // Its start-up and warm-up at background priority; its first request brings it to normal priority.
            var process = await StartAsync(spec, setup, cgroup, lease.Uid, background: true, hold: false, cancellationToken).ConfigureAwait(false);
            return new SandboxSession(cgroup, lease, process, TimeSpan.FromMilliseconds(_options.PollIntervalMs));
        }
        catch
        {
            if (cgroup is not null)
            {
                await cgroup.DestroyAsync(CancellationToken.None).ConfigureAwait(false);
            }
            lease.Dispose();
            throw;
        }
    }

    /// <summary>See <see cref="ISandboxSession"/>. The control reader hands every fd-3 line to a channel; an exchange
    /// watches the cgroup's CPU counter, the clock and the process while it waits for the reply's last line.</summary>
    private sealed class SandboxSession : ISandboxSession
    {
        private readonly IRunCgroup _cgroup;
        private readonly UidSlots.Lease _lease;
        private readonly SandboxProcess _process;
        private readonly TimeSpan _poll;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        private int _busy;
        private bool _normalPriority;
        private int _disposed;

        public SandboxSession(IRunCgroup cgroup, UidSlots.Lease lease, SandboxProcess process, TimeSpan poll)
        {
            _cgroup = cgroup;
            _lease = lease;
            _process = process;
            _poll = poll;
            process.OnControlLine = (line, _) => _lines.Writer.TryWrite(line);
        }

        public long StartedAtTimestamp { get; } = Stopwatch.GetTimestamp();

        public bool HasExited => _process.ExitTask?.IsCompleted ?? true;

        public async Task<SessionReply> ExchangeAsync(ReadOnlyMemory<byte> request, Func<string, bool> isLastLine, TimeSpan cpuTime,
            TimeSpan wallTime, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _busy, 1) != 0)
            {
                throw new InvalidOperationException("one exchange at a time");
            }
            try
            {
                return await ExchangeCoreAsync(request, isLastLine, cpuTime, wallTime, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }

        private async Task<SessionReply> ExchangeCoreAsync(ReadOnlyMemory<byte> request, Func<string, bool> isLastLine, TimeSpan cpuTime,
            TimeSpan wallTime, CancellationToken cancellationToken)
        {
            var baseline = _cgroup.CpuUsage();
            var clock = Stopwatch.StartNew();
            var lines = new List<string>();
            SessionReply Reply(TerminationReason? failure) => new(failure, lines, _cgroup.CpuUsage() - baseline, clock.Elapsed);

            if (HasExited)
            {
                return Reply(await EndedAsync().ConfigureAwait(false));
            }
            if (!request.IsEmpty)
            {
                if (!_normalPriority)
                {
                    SandboxPriority.Set(_cgroup, SandboxPriority.Normal);
                    _normalPriority = true;
                }
                try
                {
                    await _process.Stdin!.WriteAsync(request, cancellationToken).ConfigureAwait(false);
                    await _process.Stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // It died (or closed its stdin): the exit tells why below.
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(TerminationReason.Cancelled);
                    throw;
                }
            }
            var exit = _process.ExitTask!;
            while (true)
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    lines.Add(line);
                    if (isLastLine(line))
                    {
                        return Reply(null);
                    }
                }
                if (exit.IsCompleted)
                {
                    // Lines written just before the end may still be on their way through the pipe.
                    await Task.WhenAny(_process.ControlTask!, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false);
                    while (_lines.Reader.TryRead(out var line))
                    {
                        lines.Add(line);
                    }
                    return Reply(await EndedAsync().ConfigureAwait(false));
                }
                if (cancellationToken.IsCancellationRequested)
                {
                    _process.Kill(TerminationReason.Cancelled);
                    throw new OperationCanceledException(cancellationToken);
                }
                if (_cgroup.CpuUsage() - baseline > cpuTime)
                {
                    return Reply(Kill(TerminationReason.CpuTimeLimit));
                }
                if (clock.Elapsed > wallTime)
                {
                    return Reply(Kill(TerminationReason.WallTimeLimit));
                }
                var next = _lines.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
                await Task.WhenAny(next, exit, Task.Delay(_poll, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        private TerminationReason Kill(TerminationReason reason)
        {
            _process.Kill(reason);
            return _cgroup.OomKills() > 0 ? TerminationReason.MemoryLimit : reason;
        }

        /// <summary>Why the program is gone: a kill of ours, the OOM killer, a signal or its own exit.</summary>
        private async Task<TerminationReason> EndedAsync()
        {
            if (_process.KillReason is { } killed)
            {
                return killed != TerminationReason.OutputLimit && _cgroup.OomKills() > 0 ? TerminationReason.MemoryLimit : killed;
            }
            if (_cgroup.OomKills() > 0)
            {
                return TerminationReason.MemoryLimit;
            }
            var exitCode = await _process.ExitTask!.ConfigureAwait(false);
            return exitCode is > 128 and < 128 + 65
                ? TerminationReason.Signaled
                : TerminationReason.Exited;
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            try
            {
                await _process.DisposeAsync().ConfigureAwait(false);
                await _cgroup.DestroyAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _lines.Writer.TryComplete();
                _lease.Dispose();
            }
        }
    }
}
