namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// What to run and under which limits. The sandbox knows no languages: the caller names the command, the
/// toolchain paths to bind read-only and the working directory.
/// </summary>
public sealed record SandboxSpec
{
    /// <summary>argv of the command, resolved inside the sandbox (absolute path first).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Host directory bound at <see cref="WorkingDirectoryInSandbox"/>; created by the caller.</summary>
    public required string WorkingDirectory { get; init; }

    public string WorkingDirectoryInSandbox { get; init; } = "/box";

    /// <summary>Compiles write their output here; runs see it read-only.</summary>
    public bool WorkingDirectoryWritable { get; init; }

    /// <summary>Toolchain paths besides /usr (for example /etc/java-17-openjdk for the JVM). Read-only.</summary>
    public IReadOnlyList<SandboxMount> ExtraMounts { get; init; } = [];

    /// <summary>Environment of the command; nothing of the service's environment is passed.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public ReadOnlyMemory<byte> Stdin { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>
    /// Keeps stdin open after <see cref="Stdin"/>: the caller writes more through <see cref="ISandboxMonitor.Send"/>
    /// and closes it with <see cref="ISandboxMonitor.CloseInput"/> (a judge hands over one test's input at a time, so
    /// that the program never holds an input before its test starts). Closed in any case when the process ends.
    /// </summary>
    public bool KeepStdinOpen { get; init; }

    public SandboxLimits Limits { get; init; } = new();

    /// <summary>
    /// Called for every line the sandboxed program writes on fd 3 (the control channel). A judge's harness
    /// announces each test there, which lets the caller give each test its own CPU budget through the monitor.
    /// </summary>
    public Action<string, ISandboxMonitor>? OnControlLine { get; init; }

    /// <summary>Called once when the run is fed (its limits count from here), before any of stdin is written: the
    /// caller may start a lap and queue input there.</summary>
    public Action<ISandboxMonitor>? OnStarted { get; init; }
}
