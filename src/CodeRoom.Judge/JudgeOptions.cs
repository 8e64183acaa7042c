using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>Judge-wide limits (the problem sets per-test time and memory).</summary>
public sealed class JudgeOptions
{
    public const string Section = "Judge";

    /// <summary>CPU time all tests of one run or submission may use together.</summary>
    [Range(100, 120_000)] public int SubmissionCpuBudgetMs { get; set; } = 2000;

    /// <summary>Bytes of stdout and of stderr kept per run; more is output_limit_exceeded.</summary>
    [Range(1024, 16 * 1024 * 1024)] public int OutputLimitBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of candidate output shown per test.</summary>
    [Range(256, 1024 * 1024)] public int OutputPerTestBytes { get; set; } = 8 * 1024;

    [Range(1000, 120_000)] public int CompileCpuMs { get; set; } = 10_000;
    /// <summary>CPU of one live-diagnostics check (POST /api/coding/check): a syntax-and-type pass, far below a compile's
    /// budget, since a candidate typing sends one every few seconds. A cold javac (while the compile server starts) needs
    /// about 1.5 s.</summary>
    [Range(200, 120_000)] public int CheckCpuMs { get; set; } = 2500;

    /// <summary>Checks and server-side formats running at once on this instance, together (Checking.EditorSlots). They
    /// take the same sandbox slots as judge runs, so a burst of typing never holds more than this many of them; a check
    /// that waits over a second for its turn is skipped.</summary>
    [Range(1, 64)] public int MaxConcurrentChecks { get; set; } = 2;

    [Range(64, 8192)] public int CompileMemoryMb { get; set; } = 1024;

    /// <summary>Root-only directory of the compile cache (never mounted into a sandbox).</summary>
    [Required] public string CompileCacheRoot { get; set; } = "/var/lib/coderoom/compile-cache";

    /// <summary>Where artifacts built once per toolchain live (precompiled headers); readable by sandboxes.</summary>
    [Required] public string PrebuiltRoot { get; set; } = "/var/lib/coderoom/prebuilt";

    /// <summary>Entries kept in the compile cache (least recently used go first); 0 turns it off.</summary>
    [Range(0, 100_000)] public int CompileCacheEntries { get; set; } = 2000;

    /// <summary>Sandboxes kept started and waiting per language (Python, Java) and memory limit (0 turns it off).
    /// They wait on the sandbox's standby slots (Sandbox:StandbySlots), apart from the slots runs use.</summary>
    [Range(0, 16)] public int WarmSandboxes { get; set; } = 2;

    /// <summary>For each language that compiles cold (C++, Go, Rust, TypeScript), a compile sandbox kept built and waiting
    /// for its files per compile spec, up to two per language (<see cref="CompileSandboxPool"/>, on standby slots); false
    /// starts every compile's sandbox on demand.</summary>
    public bool WarmCompileSandboxes { get; set; } = true;

    /// <summary>Keep the files every compile reads (prebuilt artifacts, standard libraries, linkers) mapped in the judge's
    /// process, so that a host's reclaim of idle page cache cannot make the next compile read them from disk
    /// (<see cref="ResidentFiles"/>); false leaves them to the page cache alone.</summary>
    public bool KeepToolchainFilesResident { get; set; } = true;

    /// <summary>Warm compilers (Java's javac in a long-lived sandboxed JVM); false compiles every time with a cold
    /// compiler.</summary>
    public bool CompileServers { get; set; } = true;

    /// <summary>A service judges a tiny problem per language right after it starts (builds the prebuilt artifacts,
    /// starts the compile server and the warm sandboxes), so that the first candidate's run is as fast as the rest.</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>A compile server is replaced after this many compiles (bounds whatever state a compiler keeps); it serves
    /// on until its replacement is warm.</summary>
    [Range(1, 1_000_000)] public int CompileServerMaxCompiles { get; set; } = 500;

    /// <summary>A warm sandbox (or compile server) older than this is retired and replaced.</summary>
    [Range(5, 86_400)] public int WarmSandboxMaxAgeSeconds { get; set; } = 600;

    /// <summary>Size of the writable /tmp of a run (counted in the run's memory).</summary>
    [Range(1, 4096)] public int TmpSizeMb { get; set; } = 64;
}

[OptionsValidator]
public sealed partial class JudgeOptionsValidator : IValidateOptions<JudgeOptions>;
