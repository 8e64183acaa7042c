namespace CodeRoom.Bench;

/// <summary>A bare toolchain baseline: the same code and the same three tests, compiled and run the way a candidate
/// would at a terminal, outside any sandbox. This executes benchmark code that we wrote (Workloads), never candidate
/// code, so running it unsandboxed is acceptable here and nowhere else.</summary>
internal sealed record BareToolchain(string Key, string Language, string Label, string FileName,
    IReadOnlyList<IReadOnlyList<string>> Commands)
{
    /// <summary>The judge's C++ flags (CppToolchain.Flags in src/CodeRoom.Judge/Languages/Cpp/CppToolchain.cs), so the
    /// clang baseline asks the compiler for the same work. Without the judge's precompiled header and prebuilt harness: those are
    /// the judge's own speed-ups, which a bare baseline does not get.</summary>
    public static readonly string[] JudgeCppFlags =
        ["-std=c++23", "-O2", "-pipe", "-fno-color-diagnostics", "-ferror-limit=20", "-fconstexpr-steps=10000000", "-ftemplate-depth=1024"];

    /// <summary>The compiler the judge runs (TypeScriptToolchain.Compiler), installed by ./coderoom.</summary>
    public const string TypeScriptCompiler = "/opt/coderoom/typescript/node_modules/@typescript/typescript-linux-x64/lib/tsc";

    public static IReadOnlyList<BareToolchain> All { get; } =
    [
        new("python", "python", "python3.11 solution.py", "solution.py", [["/usr/bin/python3.11", "solution.py"]]),
        new("java", "java", "javac + java", "Main.java", [["/usr/bin/javac", "-d", "out", "Main.java"], ["/usr/bin/java", "-cp", "out", "Main"]]),
        new("clang", "cpp", "clang++-19 (judge flags, no PCH) + run", "main.cpp", [["/usr/bin/clang++-19", .. JudgeCppFlags, "-o", "main", "main.cpp"], ["./main"]]),
        new("gcc", "cpp", "g++ -O2 <bits/stdc++.h> + run", "main.cpp", [["/usr/bin/g++", "-O2", "-o", "main", "main.cpp"], ["./main"]]),
        new("node", "javascript", "node solution.js", "solution.js", [["/usr/bin/node", "solution.js"]]),
        // The judge's compiler and LeetCode's options, with its default lib check (what `tsc` does at a terminal).
        new("tsc", "typescript", "tsc + node", "solution.ts",
            [[TypeScriptCompiler, "--strict", "false", "--target", "ES2022", "--outDir", "out", "solution.ts"], ["/usr/bin/node", "out/solution.js"]]),
        // The go command as a developer runs it: the user's own build cache, warm after the warm-up runs (the standard
        // library compiled once), so only the file itself is compiled and linked.
        new("gobuild", "go", "go build + run", "main.go", [[GoCommand, "build", "-o", "main", "main.go"], ["./main"]]),
    ];

    /// <summary>The Go the judge runs (GoToolchain.GoCommand), from Debian's bookworm-backports.</summary>
    public const string GoCommand = "/usr/lib/go-1.23/bin/go";

    /// <summary>Writes the program into a fresh folder under <paramref name="root"/>, then compiles and runs it; the
    /// folder is removed afterwards.</summary>
    public async Task<(double WallMs, string Stdout)> RunAsync(string root, string source, IReadOnlyList<string> runArgs,
        CancellationToken cancellationToken)
    {
        var target = await WriteAsync(root, source, cancellationToken);
        try
        {
            var commands = Commands.ToList();
            commands[^1] = [.. commands[^1], .. runArgs];
            return await Processes.RunChainAsync(target, commands, cancellationToken);
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    /// <summary>For repeated runs of one program (fairness): write and compile once, then <see cref="RunOnlyAsync"/>.</summary>
    public async Task<string> PrepareAsync(string root, string source, CancellationToken cancellationToken)
    {
        var target = await WriteAsync(root, source, cancellationToken);
        if (Commands.Count > 1)
        {
            await Processes.RunChainAsync(target, Commands.Take(Commands.Count - 1).ToList(), cancellationToken);
        }
        return target;
    }

    public Task<(double WallMs, string Stdout)> RunOnlyAsync(string dir, IReadOnlyList<string> runArgs, CancellationToken cancellationToken) =>
        Processes.RunChainAsync(dir, [[.. Commands[^1], .. runArgs]], cancellationToken);

    private async Task<string> WriteAsync(string root, string source, CancellationToken cancellationToken)
    {
        var target = Directory.CreateDirectory(Path.Combine(root, Key + "-" + Guid.NewGuid().ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(target, FileName), source, cancellationToken);
        return target;
    }
}
