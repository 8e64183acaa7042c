namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// The sandbox could not be set up (bwrap missing, cgroup write denied, no user namespaces...). Our machinery
/// failed, not the candidate's code: callers turn it into <c>internal_error</c> and never run code unsandboxed.
/// </summary>
public sealed class SandboxUnavailableException : Exception
{
    public SandboxUnavailableException(string message) : base(message) { }
    public SandboxUnavailableException(string message, Exception inner) : base(message, inner) { }
    public SandboxUnavailableException() { }

    /// <summary>Set when a held sandbox could not be released: its command never started, so nothing of it ran (a
    /// caller may do the same work in another sandbox).</summary>
    public bool CommandNeverStarted { get; init; }
}
