using System.Diagnostics;
using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>One finished adversarial run: the outcome, the supervisor-side elapsed time and the box it ran in.</summary>
public sealed record AttackResult(SandboxOutcome Outcome, TimeSpan Elapsed, string BoxPath, SandboxLimits Limits)
{
    public string Stdout => Encoding.UTF8.GetString(Outcome.Stdout);
    public string Stderr => Encoding.UTF8.GetString(Outcome.Stderr);

    public override string ToString() =>
        $"{Outcome.Reason} exit={Outcome.ExitCode} signal={Outcome.Signal} cpu={Outcome.CpuTime.TotalMilliseconds:F0}ms "
        + $"wall={Outcome.WallTime.TotalMilliseconds:F0}ms elapsed={Elapsed.TotalMilliseconds:F0}ms peak={Outcome.PeakMemoryBytes >> 20}MiB\n"
        + $"stdout: {Trim(Stdout)}\nstderr: {Trim(Stderr)}";

    private static string Trim(string s) => s.Length > 2000 ? s[..2000] + "..." : s;
}

/// <summary>
/// Runs adversarial programs in fresh boxes and checks what every attack must leave intact: the verdict arrives within
/// the limits plus a small margin, no canary leaks, and no process, cgroup or box directory is left behind.
/// </summary>
public sealed class Attack(SandboxFixture fixture)
{
    public const string Python = "/usr/bin/python3.11";
    public const string Java = CompiledPrograms.JavaHome + "/bin/java";

    /// <summary>Supervisor latency allowed on top of a limit: the kill, the teardown of the pid namespace, the cgroup
    /// cleanup, on two cores shared with other work.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>CPU time allowed past the CPU limit: the 5 ms poll, times the cores that keep burning meanwhile, plus
    /// scheduling hiccups of a loaded host.</summary>
    public static readonly TimeSpan CpuMargin = TimeSpan.FromMilliseconds(400);

    public SandboxFixture Fixture => fixture;

    public static SandboxLimits Limits(double cpuSeconds = 1, double wallSeconds = 12, long memoryMiB = 256, int processes = 16) => new()
    {
        CpuTime = TimeSpan.FromSeconds(cpuSeconds),
        WallTime = TimeSpan.FromSeconds(wallSeconds),
        MemoryBytes = memoryMiB << 20,
        MaxProcesses = processes,
    };

    public static SandboxLimits JavaLimits(double cpuSeconds = 3, double wallSeconds = 25, long memoryMiB = 256) =>
        Limits(cpuSeconds, wallSeconds, memoryMiB, processes: 64);

    /// <summary>Runs Programs/cpp/&lt;name&gt;.cpp (compiled once, in the sandbox) in a fresh read-only box.</summary>
    public async Task<AttackResult> CppAsync(string name, SandboxLimits? limits = null, params string[] args)
    {
        var binary = await fixture.Programs.CppBinaryAsync(name);
        return await RunAsync(box => CopyIn(binary, box, "prog"), ["/box/prog", .. args], limits ?? Limits());
    }

    /// <summary>Runs Programs/java/&lt;mainClass&gt;.java (compiled once, in the sandbox) in a fresh read-only box.</summary>
    public async Task<AttackResult> JavaAsync(string mainClass, SandboxLimits? limits = null, string[]? jvmOptions = null,
        params string[] args)
    {
        var classes = await fixture.Programs.JavaClassesAsync(mainClass);
        Assert.NotEmpty(classes);
        return await RunAsync(box =>
            {
                foreach (var file in classes)
                {
                    CopyIn(file, box, Path.GetFileName(file));
                }
            },
            [Java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", .. jvmOptions ?? [], "-cp", "/box", mainClass, .. args],
            limits ?? JavaLimits(), CompiledPrograms.JavaMounts);
    }

    /// <summary>Runs Programs/rust/&lt;name&gt;.rs (compiled once, in the sandbox) in a fresh read-only box.</summary>
    public async Task<AttackResult> RustAsync(string name, SandboxLimits? limits = null, params string[] args)
    {
        var binary = await fixture.Programs.RustBinaryAsync(name);
        return await RunAsync(box => CopyIn(binary, box, "prog"), ["/box/prog", .. args], limits ?? Limits());
    }

    public const string Node = "/usr/bin/node";

    /// <summary>Runs Programs/javascript/&lt;name&gt;.js in a fresh read-only box with the judge's Node flags (heap at the
    /// memory limit, so the cgroup rather than V8 decides; a quarter of it as stack).</summary>
    public Task<AttackResult> NodeAsync(string name, SandboxLimits? limits = null, params string[] args)
    {
        var source = CompiledPrograms.Source(Path.Combine("javascript", name + ".js"));
        limits ??= Limits();
        var memoryMb = limits.MemoryBytes >> 20;
        return RunAsync(box => box.WriteFile("prog.js", source),
            [Node, $"--max-old-space-size={memoryMb}", $"--stack-size={memoryMb / 4 * 1024}", "--v8-pool-size=1", "/box/prog.js", .. args],
            limits);
    }

    /// <summary>Runs Programs/python/&lt;name&gt;.py in a fresh read-only box.</summary>
    public Task<AttackResult> PythonAsync(string name, SandboxLimits? limits = null, params string[] args)
    {
        var source = CompiledPrograms.Source(Path.Combine("python", name + ".py"));
        return RunAsync(box => box.WriteFile("prog.py", source), [Python, "-S", "-B", "/box/prog.py", .. args], limits ?? Limits());
    }

    /// <summary>A fresh box, filled by the host before any sandboxed code sees it, run read-only, then disposed.</summary>
    public async Task<AttackResult> RunAsync(Action<SandboxBox> populate, IReadOnlyList<string> command, SandboxLimits limits,
        IReadOnlyList<SandboxMount>? mounts = null, bool writable = false)
    {
        var box = fixture.Sandbox.CreateBox();
        using (box)
        {
            populate(box);
            return await RunInAsync(box, command, limits, mounts, writable);
        }
    }

    /// <summary>Runs in an existing box (the caller disposes it).</summary>
    public async Task<AttackResult> RunInAsync(SandboxBox box, IReadOnlyList<string> command, SandboxLimits limits,
        IReadOnlyList<SandboxMount>? mounts = null, bool writable = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await fixture.Sandbox.RunAsync(new SandboxSpec
        {
            Command = command,
            WorkingDirectory = box.Path,
            WorkingDirectoryWritable = writable,
            ExtraMounts = mounts ?? [],
            Environment = environment ?? new Dictionary<string, string>(),
            Limits = limits,
        }, TestContext.Current.CancellationToken);
        return new AttackResult(outcome, clock.Elapsed, box.Path, limits);
    }

    /// <summary>A compile step: the box writable, the compiler's PATH set.</summary>
    public Task<AttackResult> CompileInAsync(SandboxBox box, IReadOnlyList<string> command, SandboxLimits limits,
        IReadOnlyList<SandboxMount>? mounts = null) =>
        RunInAsync(box, command, limits, mounts, writable: true, CompiledPrograms.CompilerEnvironment);

    /// <summary>
    /// An honest program running at the same time as an attack: Python summing 0..10^6-1. Start it before the attack
    /// and check it with <see cref="AssertHonestAsync"/> afterwards.
    /// </summary>
    public Task<AttackResult> HonestAsync() =>
        RunAsync(box => box.WriteFile("honest.py", "import time\ntime.sleep(0.3)\nprint(sum(range(10**6)))\n"),
            [Python, "-S", "-B", "/box/honest.py"], Limits(cpuSeconds: 3, wallSeconds: 20));

    public async Task AssertHonestAsync(Task<AttackResult> honest)
    {
        var result = await honest;
        Assert.True(result.Outcome.Succeeded, "the honest concurrent run failed: " + result);
        Assert.Equal("499999500000\n", result.Stdout);
        await AssertContainedAsync(result);
    }

    /// <summary>The verdict arrived within the wall limit plus a margin, and CPU time stayed within its limit plus a margin.</summary>
    public static void AssertWithinLimits(AttackResult result)
    {
        Assert.True(result.Elapsed <= result.Limits.WallTime + Margin,
            $"the verdict took {result.Elapsed.TotalMilliseconds:F0} ms, limit {result.Limits.WallTime.TotalMilliseconds} ms + margin: {result}");
        Assert.True(result.Outcome.CpuTime <= result.Limits.CpuTime + CpuMargin,
            $"CPU time {result.Outcome.CpuTime.TotalMilliseconds:F0} ms past the limit {result.Limits.CpuTime.TotalMilliseconds} ms: {result}");
    }

    public static void AssertReason(TerminationReason expected, AttackResult result)
    {
        Assert.True(expected == result.Outcome.Reason, $"expected {expected}, got {result}");
        AssertWithinLimits(result);
    }

    /// <summary>No canary in any output, the box is gone, no process of the slot uids and no run cgroup is left.</summary>
    public async Task AssertContainedAsync(AttackResult result)
    {
        AssertNoCanary(result.Stdout + result.Stderr);
        Assert.False(Directory.Exists(result.BoxPath) || File.Exists(result.BoxPath), "box left behind: " + result.BoxPath);
        var processes = await Leftovers.ProcessesAsync(fixture.Options);
        Assert.True(processes.Count == 0, "processes of the slot uids left behind: " + string.Join(", ", processes.Select(Describe)));
        Assert.Empty(Leftovers.RunCgroups(fixture.Options));
    }

    public void AssertNoCanary(string text)
    {
        Assert.DoesNotContain(fixture.EnvironmentCanary, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.FileCanary, text, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-", text, StringComparison.Ordinal);
    }

    /// <summary>Copies a compiled artifact into a fresh box. The artifact was written by a sandboxed compiler: refuse
    /// anything but a regular file (never follow a link out of the box).</summary>
    internal static void CopyIn(string source, SandboxBox box, string name)
    {
        var info = new FileInfo(source);
        Assert.True(info.Exists && info.LinkTarget is null && !info.Attributes.HasFlag(FileAttributes.ReparsePoint),
            "compiled artifact is not a regular file: " + source);
        var target = Path.Combine(box.Path, name);
        File.Copy(source, target);
        File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
    }

    private static string Describe(int pid)
    {
        try
        {
            return pid + ":" + File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return pid.ToString();
        }
    }
}
