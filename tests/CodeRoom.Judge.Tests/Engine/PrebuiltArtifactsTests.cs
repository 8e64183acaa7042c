using CodeRoom.Judge.Languages.Rust;
using CodeRoom.Judge.Tests.Languages;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The limits a prebuilt artifact is built under (<see cref="PrebuiltArtifacts.BuildLimits"/>).</summary>
public sealed class PrebuiltArtifactsTests
{
    [Fact]
    public void A_prebuilt_artifact_gets_at_least_a_minute_of_CPU_and_a_gigabyte_however_tight_a_compile_is()
    {
        // Rust's harness takes ~22 s of CPU and ~450 MB: tight compile limits must not leave Rust without its harness.
        var plan = new RustToolchain().Plan(Signatures.TwoSum, "");
        var tight = PrebuiltArtifacts.BuildLimits(new JudgeOptions { CompileCpuMs = 1000, CompileMemoryMb = 256 }, plan);
        Assert.Equal((TimeSpan.FromMinutes(1), 1024L * 1024 * 1024), (tight.CpuTime, tight.MemoryBytes));
        Assert.True(tight.WallTime >= tight.CpuTime * 2, tight.WallTime.ToString());

        // Generous limits scale as they did: three times the compile's CPU, the compile's memory.
        var big = plan with { CompileCpuTime = TimeSpan.FromSeconds(40), CompileMemoryBytes = 2048L * 1024 * 1024 };
        var generous = PrebuiltArtifacts.BuildLimits(new JudgeOptions { CompileCpuMs = 40_000, CompileMemoryMb = 4096 }, big);
        Assert.Equal((TimeSpan.FromSeconds(120), 2048L * 1024 * 1024), (generous.CpuTime, generous.MemoryBytes));
    }
}
