namespace CodeRoom.Judge.Sandbox;

/// <summary>A host path made visible inside the sandbox. Read-only unless <see cref="Writable"/>.</summary>
public sealed record SandboxMount(string HostPath, string SandboxPath, bool Writable = false);
