namespace CodeRoom.Judge.Sandbox;

/// <summary>Runs one command in a fresh sandbox. Never throws for anything the sandboxed code does; throws
/// <see cref="SandboxUnavailableException"/> only when the sandbox itself could not be built (fail closed).</summary>
public interface ISandbox
{
    Task<SandboxOutcome> RunAsync(SandboxSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts the command now and lets it wait for its stdin: the runtime's start-up (namespaces, an
    /// interpreter importing its modules) is then off the path of the request that feeds it. The spec's stdin and
    /// control handler are ignored; <see cref="IPreparedSandbox.RunAsync(SandboxSpec, CancellationToken)"/> takes them.</summary>
    Task<IPreparedSandbox> PrepareAsync(SandboxSpec spec, CancellationToken cancellationToken);

    /// <summary>As <see cref="PrepareAsync"/>, on a standby slot (its own uids): for sandboxes prepared ahead of time,
    /// which must never hold a slot a run is waiting for. Waits while every standby slot is taken.</summary>
    Task<IPreparedSandbox> PrepareStandbyAsync(SandboxSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="PrepareAsync"/>, but the command itself does not start until the sandbox is run: namespaces,
    /// mounts and cgroups are made now, bubblewrap waits just before it executes the command. For a run whose program
    /// does not exist yet (a binary still being compiled into the box): the sandbox's start-up overlaps the compile.
    /// Takes a standby slot, as sandboxes prepared ahead of time do, so it never holds a slot a run is waiting for, and
    /// never waits for one: null when none is free (the run then starts its own sandbox, as without this).
    /// </summary>
    Task<IPreparedSandbox?> TryPrepareHeldAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        Task.FromResult<IPreparedSandbox?>(null);

    /// <summary>
    /// As <see cref="TryPrepareHeldAsync"/> (a standby slot, never waited for: null when none is free; normal priority),
    /// but the command is started now and waits for its stdin, as with <see cref="PrepareStandbyAsync"/>. For a compiler
    /// that loads itself ahead of the next compile and then waits for its stdin's end (rustc with its preload).
    /// </summary>
    Task<IPreparedSandbox?> TryPrepareStartedAsync(SandboxSpec spec, CancellationToken cancellationToken) =>
        Task.FromResult<IPreparedSandbox?>(null);

    /// <summary>Starts a long-lived program on a standby slot that serves requests over stdin and fd 3 (see
    /// <see cref="ISandboxSession"/>). The spec's limits apply to the whole session (memory, processes, output, and a
    /// CPU backstop for its lifetime); each exchange sets its own CPU and wall-clock limits.</summary>
    Task<ISandboxSession> StartSessionAsync(SandboxSpec spec, CancellationToken cancellationToken);

    /// <summary>Creates a fresh, empty working directory for a run (compile output lands here).</summary>
    SandboxBox CreateBox();
}

/// <summary>A per-run working directory on the host. Deleting it never follows links planted inside.</summary>
public sealed class SandboxBox : IDisposable
{
    internal SandboxBox(string path) => Path = path;

    public string Path { get; }

    /// <summary>Writes a file before any sandboxed code has seen the directory (so no link can be planted yet).</summary>
    public void WriteFile(string name, string contents) => WriteFile(name, new System.Text.UTF8Encoding(false).GetBytes(contents));

    /// <summary>As <see cref="WriteFile(string, string)"/>, bytes as they are (compiled classes).</summary>
    public void WriteFile(string name, ReadOnlySpan<byte> contents)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            throw new ArgumentException("plain file names only", nameof(name));
        }
        using var stream = new FileStream(System.IO.Path.Combine(Path, name), FileMode.CreateNew, FileAccess.Write);
        stream.Write(contents);
    }

    public void Dispose()
    {
        try
        {
            // Directory.Delete unlinks symbolic links instead of following them.
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
