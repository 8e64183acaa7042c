using CodeRoom.Judge.Sandbox.Native;

namespace CodeRoom.Judge.Sandbox;

public sealed partial class BwrapSandbox
{
    /// <summary>One launched bwrap and its streams; killing its namespace's pid 1 ends every process in it.</summary>
    private sealed class SandboxProcess(int pid, int uid, StatusReader status, Monitor monitor) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _killed = new();
        private readonly Lock _lock = new();
        private int _disposed;

        public int Pid => pid;
        public int ChildPid { get; set; }
        public StatusReader Status => status;
        public Monitor Monitor => monitor;
        public Stream? Stdin { get; set; }

        /// <summary>The write end of bubblewrap's block fd while the command waits to be executed (a held sandbox);
        /// null once released.</summary>
        public Stream? Held { get; set; }
        public Task<(byte[] Bytes, bool Truncated)>? StdoutTask { get; set; }
        public Task<(byte[] Bytes, bool Truncated)>? StderrTask { get; set; }
        public Task? ControlTask { get; set; }
        public Task<int?>? ExitTask { get; set; }
        public volatile Action<string, ISandboxMonitor>? OnControlLine;
        public volatile int ControlLineBytes = int.MaxValue;
        public volatile bool ControlLineTooLong;
        public TerminationReason? KillReason { get; private set; }
        public CancellationToken Killed => _killed.Token;

        public void Kill(TerminationReason reason)
        {
            lock (_lock)
            {
                KillReason ??= reason;
            }
            KillTree();
            try
            {
                _killed.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>
        /// Killing the namespace's pid 1 makes the kernel kill (and reap) every process in the pid namespace, however
        /// they forked, called setsid or daemonised (sandbox-security.md V2). bwrap's monitor then exits by itself;
        /// the orphaned pid 1 comes to the supervisor (a child subreaper), which reaps it. A zombie left to the host's
        /// init instead still counts against the slot uid's RLIMIT_NPROC: piled up under load, they made runs fail
        /// with "can't start new thread" (found by the benchmark).
        /// </summary>
        private void KillTree()
        {
            if (ChildPid > 0)
            {
                Libc.kill(ChildPid, Libc.SIGKILL);
            }
            else
            {
                Libc.kill(pid, Libc.SIGKILL); // not started yet: there is no namespace to reap
            }
        }

        /// <summary>Lets bubblewrap execute the command: anything on the block fd ends its wait. The write end is closed
        /// only once written: a failed write leaves it to <see cref="DisposeAsync"/>, which kills the namespace first.
        /// Not cancellable: one byte into an empty pipe never blocks, and a cancelled write would close the fd unwritten.</summary>
        public async Task ReleaseAsync()
        {
            if (Held is not { } held)
            {
                return;
            }
            if (ExitTask is { IsCompleted: true })
            {
                // bubblewrap is gone, and the namespace with it. Its processes die asynchronously: one still exiting
                // holds the block fd open for a moment, and the write below would then succeed into nothing.
                throw new SandboxUnavailableException("the sandbox ended before its command could start: bubblewrap exited while it waited")
                {
                    CommandNeverStarted = true,
                };
            }
            try
            {
                await held.WriteAsync("x"u8.ToArray(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new SandboxUnavailableException("the sandbox ended before its command could start: " + e.Message, e)
                {
                    CommandNeverStarted = true,
                };
            }
            Held = null;
            await held.DisposeAsync().ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            KillTree();
            // Waits for bwrap to exit by itself; kills it only if it does not within the bound.
            await Spawner.ReapAsync(pid, TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            if (ChildPid > 0)
            {
                // The namespace's pid 1, orphaned by bwrap's exit and inherited by us as subreaper (ECHILD if bwrap
                // reaped it after all).
                await Spawner.ReapAsync(ChildPid, TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
            else
            {
                // A start cut short before bwrap's child pid was read (a cancelled preparation): bwrap may have made its
                // pid 1 all the same, which came to us (the subreaper) when its parent was killed: a zombie nobody would
                // reap, or, killed before it asked to die with its parent, a live one. The slot's uid is this sandbox's
                // alone while it lives, so whatever we inherited under it is this sandbox's: killed and reaped.
                foreach (var orphan in Spawner.ChildrenOwnedBy(uid))
                {
                    Libc.kill(orphan, Libc.SIGKILL);
                    await Spawner.ReapAsync(orphan, TimeSpan.FromSeconds(3)).ConfigureAwait(false);
                }
            }
            // Closed only now that the namespace is killed: end of file on the block fd would also end bubblewrap's wait.
            Held?.Dispose();
            if (Stdin is not null)
            {
                try
                {
                    await Stdin.DisposeAsync().ConfigureAwait(false);
                }
                catch (IOException)
                {
                }
            }
            await status.DisposeAsync().ConfigureAwait(false);
            _killed.Dispose();
        }
    }

    /// <summary>A started sandbox waiting for its input (see <see cref="IPreparedSandbox"/>).</summary>
    private sealed class PreparedSandbox(BwrapSandbox owner, SandboxLimits limits, Cgroups.IRunCgroup cgroup, UidSlots.Lease lease,
        SandboxProcess process, bool background) : IPreparedSandbox
    {
        private int _used;
        private int _disposed;

        public long PreparedAtTimestamp { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

        public bool HasExited => process.ExitTask?.IsCompleted ?? true;

        public Task<SandboxOutcome> RunAsync(ReadOnlyMemory<byte> stdin, Action<string, ISandboxMonitor>? onControlLine,
            CancellationToken cancellationToken, TimeSpan? cpuTime = null, TimeSpan? wallTime = null) =>
            RunAsync(limits with { CpuTime = cpuTime ?? limits.CpuTime, WallTime = wallTime ?? limits.WallTime }, stdin, false, onControlLine,
                null, cancellationToken);

        public Task<SandboxOutcome> RunAsync(SandboxSpec run, CancellationToken cancellationToken) =>
            RunAsync(limits with
            {
                CpuTime = run.Limits.CpuTime,
                WallTime = run.Limits.WallTime,
                ControlBytes = Math.Min(run.Limits.ControlBytes, limits.ControlBytes),
                ControlLineBytes = Math.Min(run.Limits.ControlLineBytes, limits.ControlLineBytes),
                ShadowRange = run.Limits.ShadowRange,
            }, run.Stdin, run.KeepStdinOpen, run.OnControlLine, run.OnStarted, cancellationToken);

        private async Task<SandboxOutcome> RunAsync(SandboxLimits runLimits, ReadOnlyMemory<byte> stdin, bool keepStdinOpen,
            Action<string, ISandboxMonitor>? onControlLine, Action<ISandboxMonitor>? onStarted, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _used, 1) != 0)
            {
                throw new InvalidOperationException("a prepared sandbox runs once");
            }
            if (background)
            {
                // Fed now: the run is timed at the same priority as any other.
                SandboxPriority.Set(cgroup, SandboxPriority.Normal);
            }
            // A held sandbox's command starts now (TryPrepareHeldAsync); its limits count from here like any other's.
            await process.ReleaseAsync().ConfigureAwait(false);
            return await owner.SuperviseAsync(runLimits, cgroup, process, stdin, keepStdinOpen, onControlLine, onStarted,
                cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            try
            {
                await process.DisposeAsync().ConfigureAwait(false);
                await cgroup.DestroyAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                lease.Dispose();
            }
        }
    }
}
