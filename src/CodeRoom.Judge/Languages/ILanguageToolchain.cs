using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages;

/// <summary>
/// One language: its starter code, how a candidate's code becomes files in the box, how it compiles and runs.
/// The harness it generates speaks the protocol in docs/harness-protocol.md.
/// </summary>
public interface ILanguageToolchain
{
    LanguageId Id { get; }

    /// <summary>LeetCode-style starter code for the signature.</summary>
    string StarterCode(Signature signature);

    /// <summary>Files to write into a fresh box, and the commands to compile (optional) and run them.</summary>
    BuildPlan Plan(Signature signature, string candidateCode);

    /// <summary>
    /// The plan of a sandbox started ahead of time, before any code is known: it waits for the header on stdin, which
    /// then carries the candidate's code ("code"). Null for languages that compile (their start-up is the compile).
    /// </summary>
    BuildPlan? WarmPlan(int memoryLimitMb) => null;

    /// <summary>Host files this language needs (compilers, runtimes), for `coderoom doctor`.</summary>
    IReadOnlyList<string> RequiredFiles => [];

    /// <summary>Files (or directories of files) every compile reads besides the compiler's own libraries and the prebuilt
    /// artifact, kept mapped so that they stay in memory (<see cref="CodeRoom.Judge.ResidentFiles"/>): the standard library's
    /// archives, the linker.</summary>
    IReadOnlyList<string> ResidentPaths => [];

    /// <summary>
    /// As <see cref="Plan(Signature, string)"/> for a run with this memory limit (the problem's memory_limit_mb).
    /// Runtimes that size their heap up front (the JVM cannot see the sandbox's cgroup) need it; the others ignore it.
    /// </summary>
    BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb) => Plan(signature, candidateCode);

    /// <summary>
    /// The compiler's syntax-and-type pass for live diagnostics (POST /api/coding/check, issue 15), against the same
    /// harness as <see cref="Plan(Signature, string)"/>. Null for languages the browser checks itself (JavaScript,
    /// TypeScript). Decided from the language alone, never from what this host has installed: a missing checker is a
    /// failed check (503) and a `coderoom doctor` finding, not a language quietly checked nowhere.
    /// </summary>
    Checking.CheckPlan? Check(Signature signature, string candidateCode) => null;

    /// <summary>Files the check needs beyond <see cref="RequiredFiles"/> (Python: mypy), for `coderoom doctor`.</summary>
    IReadOnlyList<string> CheckRequiredFiles => [];

    /// <summary>
    /// The formatter the server runs for POST /api/coding/format (issue 15), in the sandbox. Null for languages formatted
    /// in the browser by a WebAssembly or JavaScript formatter (all but Rust, which has none).
    /// </summary>
    Formatting.FormatPlan? Format() => null;
}

/// <summary>
/// What a language needs from the sandbox. Commands are absolute paths inside the sandbox; the box is at /box.
/// </summary>
public sealed record BuildPlan
{
    /// <summary>File name to contents, written into the box before anything runs.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>null for interpreted languages.</summary>
    public IReadOnlyList<string>? CompileCommand { get; init; }

    /// <summary>
    /// The compile command loads itself, then waits for the end of its stdin before it reads the box (rustc and clang with
    /// a preload, <see cref="CompilerPreload"/>). A compile sandbox prepared ahead of time (<see cref="CompileSandboxPool"/>) then starts
    /// the command too, rather than holding it before its start, so the compiler's own start-up
    /// is off the compile's path as well. A compile started cold gets an empty stdin and goes on at once.
    /// </summary>
    public bool CompilerWaitsForStdin { get; init; }

    public required IReadOnlyList<string> RunCommand { get; init; }

    /// <summary>Toolchain paths beyond /usr, read-only (the JVM needs /etc/java-17-openjdk).</summary>
    public IReadOnlyList<SandboxMount> Mounts { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Processes and threads the runtime needs (the JVM starts 13-19 threads).</summary>
    public int MaxProcesses { get; init; } = 16;

    /// <summary>CPU the runtime spends starting before its harness is up, not charged to the candidate (the
    /// process-wide CPU backstop and the run's wall cap leave room for it).</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The harness writes <c>H</c> once it is up and before any of the candidate's code can run (Python, Java): the
    /// first test's clock starts there. False for C++, whose global constructors run before main: its first test's
    /// clock starts when the process is fed (docs/harness-protocol.md).
    /// </summary>
    public bool HarnessAnnouncesStart { get; init; } = true;

    /// <summary>Added to the CPU limit of each process's first test, which also pays for loading the candidate's code
    /// (the harness compiling a module, defining classes): the harness's share of that work, not the candidate's.</summary>
    public TimeSpan LoadAllowance { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A warm compiler for this plan's files, started once in its own sandbox and fed every compile of the language
    /// (the compile-server protocol in docs/harness-protocol.md); null when the language has none. The cold
    /// <see cref="CompileCommand"/> stays the fallback while the server starts or after it failed.
    /// </summary>
    public IReadOnlyList<string>? CompileServerCommand { get; init; }

    /// <summary>
    /// For a compiled language whose warm runtime takes source text (TypeScript: the compiled solution.js): the file of
    /// the compile's box handed over as the warm header's <c>code</c>. Null: a compiled language's warm runtime gets the
    /// compiled classes (Java).
    /// </summary>
    public string? CompiledCodeFile { get; init; }

    /// <summary>
    /// For a compiled language whose warm runtime takes one binary (C#: Solution.dll): the file of the compile's box
    /// handed over base64 as the warm header's <c>assembly</c>. Null: see <see cref="CompiledCodeFile"/>.
    /// </summary>
    public string? CompiledAssemblyFile { get; init; }

    /// <summary>The files a compile server may hand back (<c>F name bytes</c>), by exact name; null: top-level class
    /// files of the default package (Java).</summary>
    public IReadOnlyList<string>? CompileServerFiles { get; init; }

    /// <summary>Limits of the compile step.</summary>
    public TimeSpan CompileCpuTime { get; init; } = TimeSpan.FromSeconds(10);
    public long CompileMemoryBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Built once per content and toolchain, then mounted read-only into every compile (a C++ precompiled
    /// header of the harness and the standard library).</summary>
    public PrebuiltArtifact? Prebuilt { get; init; }

    /// <summary>Rewrites compiler output so it names the candidate's file and lines, and no sandbox paths.</summary>
    public Func<string, string> CleanCompilerOutput { get; init; } = s => s;

    /// <summary>
    /// For a harness that reports a crash as code addresses rather than lines (C++): how to turn them into the
    /// candidate's lines in a second sandbox after the run. Null when the harness reports lines itself.
    /// </summary>
    public CrashSymbolizer? Symbolizer { get; init; }

    /// <summary>
    /// Memory a run's runtime needs on top of the candidate's own (C++: AddressSanitizer's shadow, redzones and
    /// quarantine): the run's cgroup gets the problem's limit plus this, so the instrumentation is not charged to the
    /// candidate. Zero for the others.
    /// </summary>
    public long MemoryOverheadBytes { get; init; }

    /// <summary>
    /// How much of <see cref="MemoryOverheadBytes"/> a test may really use, from what the supervisor measured at its end
    /// (C++: the resident size of AddressSanitizer's shadow, whose range this names): a test whose peak memory rose past
    /// the problem's limit plus that is memory_limit_exceeded, as it would be without the instrumentation. Null when
    /// the cgroup's limit is the whole rule.
    /// </summary>
    public ShadowMemoryRule? ShadowMemory { get; init; }

    /// <summary>
    /// For a process that died inside a test: the runtime's own report of why, read from that test's stderr (C++: the
    /// sanitizers' "ERROR: AddressSanitizer: heap-buffer-overflow ..." or "runtime error: ..."), or null when there
    /// is none and the signal or exit code says it. stderr is the candidate's: whatever this returns only ever becomes
    /// the error of the test whose process died, which is a runtime error either way.
    /// </summary>
    public Func<string, string?>? DescribeCrash { get; init; }
}

/// <summary>
/// Command: the symbolizer's argv for these offsets into the run's executable (llvm-symbolizer's JSON output, one
/// object per offset); CandidateFile: the file name whose frames are the candidate's.
/// </summary>
public sealed record CrashSymbolizer(Func<IReadOnlyList<ulong>, IReadOnlyList<string>> Command, string CandidateFile);

/// <summary>
/// Something a language builds once and reuses for every compile: its files and command run in the sandbox (with
/// the compile step's limits) in a directory mounted at <see cref="MountPoint"/>, whose regular files are then kept
/// and mounted read-only at the same place in every compile.
/// </summary>
public sealed record PrebuiltArtifact(string Name, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Command,
    string MountPoint);

/// <summary>Where a runtime's shadow memory lives, and how much beyond the problem's limit a test may use given the
/// shadow's resident size at its end (<see cref="BuildPlan.ShadowMemory"/>).</summary>
public sealed record ShadowMemoryRule(AddressRange Range, Func<long, long> AllowanceBytes);
