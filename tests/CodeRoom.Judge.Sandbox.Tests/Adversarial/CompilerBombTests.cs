namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>
/// Compiler bombs (DMOJ cpp_compile_tle / cpp_compiler_ole, sandbox-security.md §3 #46-52): the compiler runs
/// sandboxed, so each ends as a compile error or a limit within the compile step's limits, never a hung service, and
/// no host content reaches the diagnostics.
/// </summary>
[Collection(nameof(SandboxCollection))]
public sealed class CompilerBombTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    /// <summary>A compile step's limits, tighter than the fixture's so the bombs end quickly.</summary>
    private static SandboxLimits CompileLimits => new()
    {
        CpuTime = TimeSpan.FromSeconds(10),
        WallTime = TimeSpan.FromSeconds(25),
        MemoryBytes = 512L << 20,
        MaxProcesses = 64,
        TmpBytes = 128L << 20,
        FileSizeBytes = 64L << 20,
    };

    private async Task<AttackResult> CompileCppAsync(string file, string compiler = CompiledPrograms.Clang, bool mayCompile = false)
    {
        var box = fixture.Sandbox.CreateBox();
        AttackResult result;
        using (box)
        {
            box.WriteFile("prog.cpp", CompiledPrograms.Source(Path.Combine("compile", file)));
            result = await _attack.CompileInAsync(box, [compiler, "-std=c++20", "-O2", "-o", "/box/prog", "/box/prog.cpp"],
                CompileLimits);
        }
        Attack.AssertWithinLimits(result);
        Assert.True(mayCompile || !result.Outcome.Succeeded, "the bomb compiled: " + result);
        await _attack.AssertContainedAsync(result);
        return result;
    }

    private static void AssertCompileErrorOrLimit(AttackResult result) =>
        Assert.True(result.Outcome.Reason is TerminationReason.MemoryLimit or TerminationReason.CpuTimeLimit
                or TerminationReason.WallTimeLimit or TerminationReason.OutputLimit
            || (result.Outcome.Reason is TerminationReason.Exited or TerminationReason.Signaled && result.Outcome.ExitCode != 0),
            result.ToString());

    // clang-19 takes a device's st_size of 0 at its word and reads /dev/random and /dev/zero as empty files: the
    // compile ends at once (and succeeds). What matters is that it ends, well within the compile limits.
    [Fact(Timeout = 90_000)]
    public async Task Including_dev_random_with_clang_ends_at_once()
    {
        var result = await CompileCppAsync("dev_random.cpp", mayCompile: true);
        Assert.True(result.Outcome.CpuTime < TimeSpan.FromSeconds(3), result.ToString());
    }

    [Fact(Timeout = 90_000)]
    public async Task Including_dev_zero_with_clang_ends_at_once()
    {
        var result = await CompileCppAsync("dev_zero.cpp", mayCompile: true);
        Assert.True(result.Outcome.CpuTime < TimeSpan.FromSeconds(3), result.ToString());
    }

    // g++ reads the device until EOF, which never comes: the compile step's limits must end it.
    [Fact(Timeout = 90_000)]
    public async Task Including_dev_zero_with_gcc_is_ended_by_a_limit()
    {
        var result = await CompileCppAsync("dev_zero.cpp", "/usr/bin/g++");
        Assert.True(result.Outcome.Reason is TerminationReason.MemoryLimit or TerminationReason.CpuTimeLimit
            or TerminationReason.WallTimeLimit or TerminationReason.OutputLimit, result.ToString());
    }

    [Fact(Timeout = 90_000)]
    public async Task Including_dev_random_with_gcc_is_ended_by_a_limit()
    {
        var result = await CompileCppAsync("dev_random.cpp", "/usr/bin/g++");
        Assert.True(result.Outcome.Reason is TerminationReason.MemoryLimit or TerminationReason.CpuTimeLimit
            or TerminationReason.WallTimeLimit or TerminationReason.OutputLimit, result.ToString());
    }

    [Fact(Timeout = 90_000)]
    public async Task Including_etc_shadow_and_the_environment_is_a_compile_error_without_host_content()
    {
        var result = await CompileCppAsync("include_shadow.cpp");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Contains("'/etc/shadow' file not found", result.Stderr);
        Assert.DoesNotContain("root:", result.Stderr);
    }

    [Fact(Timeout = 90_000)]
    public async Task Runaway_templates_are_a_compile_error()
    {
        var result = await CompileCppAsync("templates.cpp");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Contains("recursive template instantiation exceeded maximum depth", result.Stderr);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_huge_constexpr_loop_is_a_compile_error()
    {
        var result = await CompileCppAsync("constexpr_loop.cpp");
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Contains("constexpr evaluation hit maximum step limit", result.Stderr);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_one_gib_static_array_ends_at_a_limit_without_a_one_gib_file()
    {
        var result = await CompileCppAsync("static_array.cpp");
        AssertCompileErrorOrLimit(result);
    }

    [Fact(Timeout = 90_000)]
    public async Task Exponential_macro_expansion_ends_within_the_compile_limits()
    {
        var result = await CompileCppAsync("preprocessor.cpp");
        AssertCompileErrorOrLimit(result);
        Assert.True(result.Outcome.Stderr.Length <= CompileLimits.OutputBytes);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_70_kb_java_string_literal_is_a_compile_error()
    {
        var box = fixture.Sandbox.CreateBox();
        AttackResult result;
        using (box)
        {
            box.WriteFile("BigLiteral.java", CompiledPrograms.Source("compile/BigLiteral.java"));
            result = await _attack.CompileInAsync(box,
                [CompiledPrograms.JavaHome + "/bin/javac", "-proc:none", "-J-XX:+UseSerialGC", "-d", "/box", "/box/BigLiteral.java"],
                CompileLimits, CompiledPrograms.JavaMounts);
        }
        // javac echoes the 70 kB source line in its diagnostic, so the compile step hits the 64 KiB output cap: the
        // judge must report a compile step's OutputLimit as compilation_error (the message is there, truncated).
        Attack.AssertReason(TerminationReason.OutputLimit, result);
        Assert.True(result.Outcome.StderrTruncated);
        Assert.StartsWith("/box/BigLiteral.java:3: error: constant string too long", result.Stderr);
        await _attack.AssertContainedAsync(result);
    }

    [Fact(Timeout = 90_000)]
    public async Task An_annotation_processor_on_the_class_path_does_not_run_under_proc_none()
    {
        var box = fixture.Sandbox.CreateBox();
        AttackResult result;
        using (box)
        {
            box.WriteFile("EvilProcessor.java", CompiledPrograms.Source("compile/EvilProcessor.java"));
            box.WriteFile("Victim.java", CompiledPrograms.Source("compile/Victim.java"));
            // A constant script: build the processor jar-like directory, then compile the victim with and without
            // -proc:none. The second compile is the control: it shows the processor would run (inside the sandbox).
            var javac = CompiledPrograms.JavaHome + "/bin/javac -J-XX:+UseSerialGC";
            result = await _attack.CompileInAsync(box, ["/bin/sh", "-c", $"""
                mkdir -p /box/p/META-INF/services /box/out1 /box/out2 &&
                echo EvilProcessor > /box/p/META-INF/services/javax.annotation.processing.Processor &&
                {javac} -proc:none -d /box/p /box/EvilProcessor.java &&
                echo '--- with -proc:none' >&2 &&
                {javac} -proc:none -cp /box/p -d /box/out1 /box/Victim.java &&
                echo '--- without' >&2 &&
                {javac} -cp /box/p -d /box/out2 /box/Victim.java
                """], CompileLimits, CompiledPrograms.JavaMounts);
        }
        Attack.AssertReason(TerminationReason.Exited, result);
        Assert.Equal(0, result.Outcome.ExitCode);
        var withProcNone = result.Stderr[result.Stderr.IndexOf("--- with -proc:none", StringComparison.Ordinal)..result.Stderr.IndexOf("--- without", StringComparison.Ordinal)];
        Assert.DoesNotContain("EVIL PROCESSOR RAN", withProcNone);
        Assert.Contains("EVIL PROCESSOR RAN", result.Stderr[result.Stderr.IndexOf("--- without", StringComparison.Ordinal)..]);
        await _attack.AssertContainedAsync(result);
    }
}
