using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>
/// One real sandbox for the whole test assembly (its own box root and cgroup subtree). The slot uids and the cgroup
/// subtree carry this test process's id, so that a test run in another worktree on the same machine never shows up
/// in this run's leftover checks (and the other way round).
/// It also plants canaries: a secret in this process's environment and a root-only file outside any box. No
/// sandboxed program may ever print either.
/// </summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxFixture()
    {
        var id = Environment.ProcessId;
        Options = new SandboxOptions
        {
            BoxRoot = Path.Combine(Path.GetTempPath(), "coderoom-test-boxes"),
            CgroupName = "coderoom-tests-" + id,
            Slots = 4,
            StandbySlots = 6,
            // 62000..62999, ten uids per test process (4 run slots, 6 standby): never root, never nobody (65534), no
            // real user on these machines, and apart from the judge (63000..) and API (65000..) test suites.
            // CODEROOM_SANDBOX_TEST_UID_BASE moves them elsewhere (engineers sharing a machine each take a range).
            FirstSlotUid = UidBase() + 10 * (id % 100),
        };
        Sandbox = new BwrapSandbox(Options, NullLogger<BwrapSandbox>.Instance);
        Sandbox.EnsureReady();

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        EnvironmentCanary = "CANARY-ENV-" + secret;
        FileCanary = "CANARY-FILE-" + secret;
        Environment.SetEnvironmentVariable("CODEROOM_CANARY", EnvironmentCanary);
        CanaryFile = "/tmp/coderoom-canary-" + secret;
        using (var stream = new FileStream(CanaryFile, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(FileCanary + "\n"));
        }
        Programs = new CompiledPrograms(this);
    }

    private static int UidBase() =>
        int.TryParse(Environment.GetEnvironmentVariable("CODEROOM_SANDBOX_TEST_UID_BASE"), out var uidBase) && uidBase >= 1000
            ? uidBase
            : 62000;

    public SandboxOptions Options { get; }
    public BwrapSandbox Sandbox { get; }

    /// <summary>Value of CODEROOM_CANARY in this (the supervisor's) process environment.</summary>
    public string EnvironmentCanary { get; }

    /// <summary>Contents of <see cref="CanaryFile"/>, a root-only (0600) file outside every box.</summary>
    public string FileCanary { get; }
    public string CanaryFile { get; }

    /// <summary>The adversarial C++ and Java programs, each compiled once (inside the sandbox) per test run.</summary>
    internal CompiledPrograms Programs { get; }

    public void Dispose()
    {
        Programs.Dispose();
        File.Delete(CanaryFile);
        Environment.SetEnvironmentVariable("CODEROOM_CANARY", null);
        Sandbox.Dispose();
        foreach (var root in Leftovers.CgroupSubtrees(Options))
        {
            try
            {
                Directory.Delete(root);
            }
            catch (IOException)
            {
                // Not empty: a run cgroup was left behind; the tests that left it have already failed.
            }
        }
    }
}

[CollectionDefinition(nameof(SandboxCollection))]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>;
