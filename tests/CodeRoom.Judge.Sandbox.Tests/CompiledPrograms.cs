namespace CodeRoom.Judge.Sandbox.Tests;

/// <summary>
/// Compiles the adversarial C++ programs (Adversarial/Programs/cpp) and Java programs (Adversarial/Programs/java)
/// once per test run, inside the sandbox: the sources go into a fresh box, the compiler runs sandboxed with the box
/// writable, and every test then copies its binary into a fresh box of its own and runs it there read-only.
/// One compiler invocation per language keeps the suite fast on two shared cores.
/// </summary>
internal sealed class CompiledPrograms(SandboxFixture fixture) : IDisposable
{
    public const string Clang = "/usr/bin/clang++-19";
    public const string JavaHome = "/usr/lib/jvm/java-17-openjdk-amd64";

    /// <summary>As JavaToolchain mounts them: the JDK's configuration only.</summary>
    public static readonly IReadOnlyList<SandboxMount> JavaMounts = [new("/etc/java-17-openjdk", "/etc/java-17-openjdk")];

    /// <summary>Limits of a compile step: more time, memory and processes than a run.</summary>
    public static SandboxLimits CompileLimits => new()
    {
        CpuTime = TimeSpan.FromSeconds(60),
        WallTime = TimeSpan.FromSeconds(90),
        MemoryBytes = 1L << 30,
        MaxProcesses = 64,
        TmpBytes = 256L << 20,
    };

    /// <summary>clang finds ld through PATH; the sandbox passes no environment of its own.</summary>
    public static readonly IReadOnlyDictionary<string, string> CompilerEnvironment =
        new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" };

    private readonly Lock _lock = new();
    private Task<SandboxBox>? _cpp;
    private Task<SandboxBox>? _java;
    private Task<SandboxBox>? _rust;

    /// <summary>Debian's rustc-web by its full path (a rustup toolchain on the host's PATH is not the product's).</summary>
    public const string Rustc = "/usr/bin/rustc";

    public static string ProgramsDirectory => Path.Combine(AppContext.BaseDirectory, "Adversarial", "Programs");

    public static string Source(string relativePath) => File.ReadAllText(Path.Combine(ProgramsDirectory, relativePath));

    /// <summary>Host path of the compiled binary of Programs/cpp/&lt;name&gt;.cpp.</summary>
    public async Task<string> CppBinaryAsync(string name)
    {
        Task<SandboxBox> task;
        lock (_lock)
        {
            task = _cpp ??= CompileAsync("cpp", "*.*",
                // A constant script: the file names come from the box, two compilers at a time.
                ["/bin/sh", "-c",
                    "cd /box && ls *.cpp | /usr/bin/xargs -P 2 -n 1 /bin/sh -c '" + Clang
                    + " -std=c++20 -O2 -pthread -o \"${1%.cpp}\" \"$1\" || exit 255' sh"],
                []);
        }
        var box = await task;
        return Path.Combine(box.Path, name);
    }

    /// <summary>Host path of the compiled binary of Programs/rust/&lt;name&gt;.rs (built with the judge's linker settings).</summary>
    public async Task<string> RustBinaryAsync(string name)
    {
        Task<SandboxBox> task;
        lock (_lock)
        {
            task = _rust ??= CompileAsync("rust", "*.rs",
                // A constant script: the file names come from the box, one rustc at a time (it is multi-threaded).
                ["/bin/sh", "-c", "cd /box && for f in *.rs; do " + Rustc
                    + " --edition 2021 -C opt-level=2 -C linker=/usr/bin/gcc -C link-arg=-fuse-ld=mold -C link-arg=-Wl,--no-fork,--thread-count=2 -C strip=debuginfo -o \"${f%.rs}\" \"$f\" || exit 255; done"],
                []);
        }
        var box = await task;
        return Path.Combine(box.Path, name);
    }

    /// <summary>Host paths of the class files of Programs/java/&lt;mainClass&gt;.java (the class and its nested classes).</summary>
    public async Task<string[]> JavaClassesAsync(string mainClass)
    {
        Task<SandboxBox> task;
        lock (_lock)
        {
            task = _java ??= CompileAsync("java", "*.java",
                ["/bin/sh", "-c", "cd /box && exec " + JavaHome + "/bin/javac -proc:none -J-XX:+UseSerialGC -d /box *.java"],
                JavaMounts);
        }
        var box = await task;
        return Directory.GetFiles(box.Path, mainClass + "*.class")
            .Where(f => Path.GetFileName(f) == mainClass + ".class" || Path.GetFileName(f).StartsWith(mainClass + "$", StringComparison.Ordinal))
            .ToArray();
    }

    private async Task<SandboxBox> CompileAsync(string folder, string pattern, string[] command, IReadOnlyList<SandboxMount> mounts)
    {
        var box = fixture.Sandbox.CreateBox();
        foreach (var file in Directory.GetFiles(Path.Combine(ProgramsDirectory, folder), pattern))
        {
            box.WriteFile(Path.GetFileName(file), File.ReadAllText(file));
        }
        var outcome = await fixture.Sandbox.RunAsync(new SandboxSpec
        {
            Command = command,
            WorkingDirectory = box.Path,
            WorkingDirectoryWritable = true,
            ExtraMounts = mounts,
            Environment = CompilerEnvironment,
            Limits = CompileLimits,
        }, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            box.Dispose();
            throw new InvalidOperationException($"compiling the {folder} programs failed: {outcome.Reason} {outcome.ExitCode}\n"
                + System.Text.Encoding.UTF8.GetString(outcome.Stdout) + System.Text.Encoding.UTF8.GetString(outcome.Stderr));
        }
        return box;
    }

    public void Dispose()
    {
        foreach (var task in new[] { _cpp, _java, _rust })
        {
            if (task is { IsCompletedSuccessfully: true })
            {
                task.Result.Dispose();
            }
        }
    }
}
