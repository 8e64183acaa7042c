using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages.CSharp;

/// <summary>
/// C# 13 (LeetCode's language version) compiled by the .NET SDK's own Roslyn against the runtime's reference assemblies,
/// run on the shared .NET runtime the project already needs (/usr/share/dotnet, mounted read-only). The static harness
/// (Sources/CodeRoomHarness.cs, with LeetCode's ListNode and TreeNode) is compiled once; each compile is the candidate's
/// Solution.cs only, into Solution.dll with an embedded PDB (runtime errors name the candidate's line). Solution.cs is one
/// line of LeetCode's implicit usings and a #line directive, then the candidate's code, so every line number is the
/// candidate's without any shifting.
/// </summary>
public sealed partial class CSharpToolchain : ILanguageToolchain
{
    public const int DefaultMemoryLimitMb = 256;

    public const string DotnetRoot = "/usr/share/dotnet";
    public const string Dotnet = DotnetRoot + "/dotnet";

    /// <summary>Where the harness, compiled once, is mounted in compiles and runs.</summary>
    public const string PrebuiltMountPoint = "/opt/coderoom/csharp";

    private const string HarnessDll = PrebuiltMountPoint + "/CodeRoomHarness.dll";
    private const string References = "references.rsp";

    /// <summary>
    /// Line 1 of Solution.cs: the usings every sampled LeetCode C# solution compiles with (System, Collections.Generic,
    /// Linq, Text and Numerics; research/leetcode-languages.md), plus System.Collections (BitArray) and
    /// System.Text.RegularExpressions. Then a #line directive, so the candidate's first line is line 1.
    /// </summary>
    internal const string Prelude =
        "using System; using System.Collections; using System.Collections.Generic; using System.Linq; using System.Text; "
        + "using System.Numerics; using System.Text.RegularExpressions;\n#line 1 \"Solution.cs\"\n";

    private static readonly string[] SourceFiles = ["CodeRoomHarness.cs", "CodeRoomCompileServer.cs"];

    /// <summary>The SDK's Roslyn and the runtime's reference assemblies, newest installed (the SDK rolls forward).</summary>
    private static readonly Lazy<(string Roslyn, string ReferenceAssemblies)> Sdk = new(() => (
        Newest(Path.Combine(DotnetRoot, "sdk"), "Roslyn/bincore", "csc.dll") ?? DotnetRoot + "/sdk/10.0.100/Roslyn/bincore",
        Newest(Path.Combine(DotnetRoot, "packs/Microsoft.NETCore.App.Ref"), "ref/net10.0", "System.Runtime.dll")
            ?? DotnetRoot + "/packs/Microsoft.NETCore.App.Ref/10.0.0/ref/net10.0"));

    private static string? Newest(string parent, string below, string marker)
    {
        if (!Directory.Exists(parent))
        {
            return null;
        }
        return Directory.GetDirectories(parent)
            .Select(d => (Dir: Path.Combine(d, below), Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version is not null && File.Exists(Path.Combine(d.Dir, marker)))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    internal static string RoslynDirectory => Sdk.Value.Roslyn;
    internal static string ReferenceDirectory => Sdk.Value.ReferenceAssemblies;

    /// <summary>csc's options, the same for the harness, a cold compile and (as CSharpCompilationOptions) the compile
    /// server: C# 13 as LeetCode, nullable off, unsafe allowed (as C++ allows pointers: the sandbox is the boundary),
    /// optimised, errors only, the PDB embedded for runtime error lines.</summary>
    private static readonly string[] CscOptions =
    [
        "-nologo", "-noconfig", "-langversion:13", "-nullable:disable", "-unsafe+", "-optimize+", "-warn:0",
        "-debug:embedded", "-deterministic", "-utf8output", "-errorreport:none",
    ];

    private static string[] Csc =>
    [
        Dotnet, RoslynDirectory + "/csc.dll", .. CscOptions, "@" + PrebuiltMountPoint + "/" + References,
    ];

    public LanguageId Id => LanguageId.CSharp;

    public IReadOnlyList<string> RequiredFiles =>
        [Dotnet, RoslynDirectory + "/csc.dll", RoslynDirectory + "/Microsoft.CodeAnalysis.CSharp.dll", ReferenceDirectory + "/System.Runtime.dll"];

    private static readonly Lazy<PrebuiltArtifact> PrecompiledHarness = new(() =>
    {
        var files = SourceFiles.ToDictionary(f => f, f => EmbeddedSource.Read("CSharp.Sources." + f));
        // Every reference assembly of the runtime (as an SDK project references them), then the harness itself.
        files[References] = string.Join('\n', Directory.Exists(ReferenceDirectory)
            ? Directory.GetFiles(ReferenceDirectory, "*.dll").Order(StringComparer.Ordinal).Select(f => "-r:" + f)
            : []) + "\n";
        files["CodeRoomHarness.runtimeconfig.json"] =
            """{"runtimeOptions":{"tfm":"net10.0","framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"},"rollForward":"LatestPatch"}}""";
        return new PrebuiltArtifact("csharp-harness", files,
        [
            Dotnet, RoslynDirectory + "/csc.dll", .. CscOptions, "@" + References,
            "-r:" + RoslynDirectory + "/Microsoft.CodeAnalysis.dll", "-r:" + RoslynDirectory + "/Microsoft.CodeAnalysis.CSharp.dll",
            "-target:exe", "-out:" + HarnessDll, .. SourceFiles,
        ], PrebuiltMountPoint);
    });

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder(signature.NodeDefinitions(ListNodeDefinition, TreeNodeDefinition));
        var parameters = string.Join(", ", signature.Params.Select(p => CSharpTypes.Name(p.Type) + " " + CSharpTypes.Identifier(p.Name)));
        code.Append("public class Solution {\n");
        code.Append("    public ").Append(CSharpTypes.Name(signature.ReturnType)).Append(' ')
            .Append(signature.FunctionNameFor(LanguageId.CSharp)).Append('(').Append(parameters).Append(") {\n");
        code.Append("        \n    }\n}\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb) =>
        Base(new Dictionary<string, string> { ["Solution.cs"] = Prelude + SignatureFacts.NormaliseNewlines(candidateCode) }, memoryLimitMb);

    /// <summary>
    /// The judge's own compile (on the warm Roslyn compile server where it runs, else a cold csc in the box), its errors
    /// reported: Roslyn's emit of one small file costs little beyond its binding, and the same compile means the check
    /// says exactly what Run would.
    /// </summary>
    public Checking.CheckPlan Check(Signature signature, string candidateCode) => new(Plan(signature, candidateCode), CSharpDiagnostics.Parse);

    /// <summary>A .NET runtime started ahead of time with the harness loaded and JIT-compiled, waiting for the header
    /// that brings the compiled Solution.dll: a run then pays neither the runtime's start-up nor the harness's JIT.</summary>
    public BuildPlan? WarmPlan(int memoryLimitMb) => Base(new Dictionary<string, string>(), memoryLimitMb);

    private static BuildPlan Base(Dictionary<string, string> files, int memoryLimitMb) => new()
    {
        Files = files,
        Prebuilt = PrecompiledHarness.Value,
        CompileCommand = [.. Csc, "-r:" + HarnessDll, "-target:library", "-out:/box/Solution.dll", "Solution.cs"],
        CompileServerCommand =
        [
            Dotnet, HarnessDll, "--compile-server", RoslynDirectory, ReferenceDirectory, HarnessDll,
        ],
        CompileServerFiles = ["Solution.dll"],
        CompiledAssemblyFile = "Solution.dll",
        RunCommand = [Dotnet, HarnessDll, StackBytes(memoryLimitMb).ToString(CultureInfo.InvariantCulture)],
        // The runtime, the SDK's Roslyn and the reference assemblies live under /usr/share, which the sandbox does not
        // bind by default.
        Mounts = [new SandboxMount(DotnetRoot, DotnetRoot)],
        Environment = RuntimeEnvironment(memoryLimitMb),
        // The runtime starts ~8 threads (finalizer, tiered JIT, signals, timers); Roslyn a few more.
        MaxProcesses = 64,
        StartupAllowance = TimeSpan.FromMilliseconds(500),
        // Loading the candidate's assembly, reflection over its method and JIT of the call path, on the harness's side.
        LoadAllowance = TimeSpan.FromMilliseconds(150),
        CompileCpuTime = TimeSpan.FromSeconds(20),
        CleanCompilerOutput = CleanCompilerOutput,
    };

    /// <summary>
    /// The runtime's settings, for fairness and containment:
    /// workstation, non-concurrent GC (no background GC thread racing the candidate's CPU time); the GC heap's hard
    /// limit under the memory limit, so a program that holds too much gets OutOfMemoryException (memory_limit_exceeded)
    /// before the cgroup kills it; one processor as far as the runtime can tell; tiered PGO off (its instrumented tier
    /// adds run-to-run variance); no diagnostics IPC socket in /tmp, no telemetry, invariant globalization (no ICU), UTC.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> RuntimeEnvironment(int memoryLimitMb) => new Dictionary<string, string>
    {
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
        ["DOTNET_GCHeapHardLimit"] = "0x" + (HeapMb(memoryLimitMb) * 1024L * 1024).ToString("x", CultureInfo.InvariantCulture),
        ["DOTNET_PROCESSOR_COUNT"] = "1",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_EnableDiagnostics"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        ["DOTNET_ROOT"] = DotnetRoot,
        ["HOME"] = "/tmp",
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
        ["TZ"] = "UTC",
    };

    /// <summary>The GC heap gets what the runtime's own ~30 MB (its code, JIT, type data) and the stack leave.</summary>
    internal static int HeapMb(int memoryLimitMb) => Math.Max(16, memoryLimitMb - 48);

    /// <summary>The solution thread's stack: a quarter of the limit (depth 100,000 with room). A .NET stack overflow
    /// cannot be caught: it ends the process, judged runtime_error, before the stack's pages reach the limit.</summary>
    internal static long StackBytes(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 4, 8, 256) * 1024L * 1024;

    /// <summary>Roslyn's "Solution.cs(3,5): error CS0103: ..." as LeetCode shows it: "Line 3: Char 5: error CS0103: ...
    /// (in Solution.cs)"; box paths dropped.</summary>
    internal static string CleanCompilerOutput(string output)
    {
        var cleaned = output.Replace("/box/", "", StringComparison.Ordinal);
        return Diagnostic().Replace(cleaned, m => "Line " + m.Groups[1].Value + ": Char " + m.Groups[2].Value + ": " + m.Groups[3].Value + " (in Solution.cs)");
    }

    [GeneratedRegex(@"(?m)^Solution\.cs\((\d+),(\d+)\): ([^\r\n]*?)[ \t]*$")]
    private static partial Regex Diagnostic();

    private const string ListNodeDefinition = """
        /**
         * Definition for singly-linked list.
         * public class ListNode {
         *     public int val;
         *     public ListNode next;
         *     public ListNode(int val=0, ListNode next=null) {
         *         this.val = val;
         *         this.next = next;
         *     }
         * }
         */

        """;

    private const string TreeNodeDefinition = """
        /**
         * Definition for a binary tree node.
         * public class TreeNode {
         *     public int val;
         *     public TreeNode left;
         *     public TreeNode right;
         *     public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {
         *         this.val = val;
         *         this.left = left;
         *         this.right = right;
         *     }
         * }
         */

        """;
}
