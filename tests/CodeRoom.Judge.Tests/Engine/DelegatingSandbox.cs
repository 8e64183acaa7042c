using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The real sandbox, every member passed through: tests override the one they break or count.</summary>
internal class DelegatingSandbox(ISandbox inner) : ISandbox
{
    public virtual Task<SandboxOutcome> RunAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        inner.RunAsync(spec, cancellationToken);

    public virtual Task<IPreparedSandbox> PrepareAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        inner.PrepareAsync(spec, cancellationToken);

    public virtual Task<IPreparedSandbox> PrepareStandbyAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        inner.PrepareStandbyAsync(spec, cancellationToken);

    public virtual Task<IPreparedSandbox?> TryPrepareHeldAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        inner.TryPrepareHeldAsync(spec, cancellationToken);

    public virtual Task<IPreparedSandbox?> TryPrepareStartedAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        inner.TryPrepareStartedAsync(spec, cancellationToken);

    public Task<ISandboxSession> StartSessionAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        inner.StartSessionAsync(spec, cancellationToken);

    public SandboxBox CreateBox() => inner.CreateBox();
}

/// <summary>A prepared sandbox, every member passed through (see <see cref="DelegatingSandbox"/>).</summary>
internal class DelegatingPreparedSandbox(IPreparedSandbox inner) : IPreparedSandbox
{
    public long PreparedAtTimestamp => inner.PreparedAtTimestamp;

    public virtual bool HasExited => inner.HasExited;

    public virtual Task<SandboxOutcome> RunAsync(ReadOnlyMemory<byte> stdin, Action<string, ISandboxMonitor>? onControlLine,
        CancellationToken cancellationToken, TimeSpan? cpuTime = null, TimeSpan? wallTime = null) =>
        inner.RunAsync(stdin, onControlLine, cancellationToken, cpuTime, wallTime);

    public virtual Task<SandboxOutcome> RunAsync(SandboxSpec run, CancellationToken cancellationToken) => inner.RunAsync(run, cancellationToken);

    public virtual ValueTask DisposeAsync() => inner.DisposeAsync();
}
