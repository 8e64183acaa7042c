using Microsoft.Extensions.Logging.Abstractions;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>One real sandbox for the whole test assembly (its own box root and cgroup subtree).</summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxFixture()
    {
        Options = new SandboxOptions
        {
            BoxRoot = Path.Combine(Path.GetTempPath(), "coderoom-test-boxes"),
            CgroupName = "coderoom-tests",
            Slots = 4,
            FirstSlotUid = 62000,
        };
        Sandbox = new BwrapSandbox(Options, NullLogger<BwrapSandbox>.Instance);
        Sandbox.EnsureReady();
    }

    public SandboxOptions Options { get; }
    public BwrapSandbox Sandbox { get; }

    public void Dispose() => Sandbox.Dispose();
}

[CollectionDefinition(nameof(SandboxCollection))]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>;
