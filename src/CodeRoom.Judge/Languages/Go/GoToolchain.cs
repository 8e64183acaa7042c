using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages.Go;

/// <summary>
/// Go 1.23 (Debian's golang-1.23-go from bookworm-backports: the version LeetCode runs; bookworm's own 1.19 lacks the
/// min/max builtins, slices and maps). The standard library, gods (Debian's golang-github-emirpasic-gods-dev) and the
/// harness package are compiled once into archives (<see cref="PrebuiltMountPoint"/>); each compile runs the Go
/// compiler and linker directly on the candidate's file and the generated call site (no go command, no build cache),
/// which is about a third of a warm <c>go build</c>.
/// </summary>
public sealed partial class GoToolchain : ILanguageToolchain
{
    public const int DefaultMemoryLimitMb = 256;

    public const string GoRoot = "/usr/lib/go-1.23";
    public const string GoCommand = GoRoot + "/bin/go";
    public const string Compiler = GoRoot + "/pkg/tool/linux_amd64/compile";
    public const string Linker = GoRoot + "/pkg/tool/linux_amd64/link";

    /// <summary>Debian's gods sources (GOPATH layout), compiled into the prebuilt archives when present.</summary>
    public const string GoPath = "/usr/share/gocode";

    /// <summary>Where the prebuilt archives and their importcfg are mounted in compiles.</summary>
    public const string PrebuiltMountPoint = "/opt/coderoom/go";

    private const string ObjectFile = "/tmp/main.a";

    private static readonly Lazy<string> Harness = new(() => EmbeddedSource.Read("Go.harness.go"));

    /// <summary>
    /// The standard packages a solution can import (with everything they import): what LeetCode's Go code uses, and
    /// what a hostile one reaches for (os/exec, net, syscall: the sandbox, not a missing package, stops them). The rest
    /// of the standard library (net/http, crypto/tls, go/*, ...) is not built: importing it is a compile error.
    /// </summary>
    internal static readonly string[] StandardRoots =
    [
        "bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring", "context", "errors", "fmt",
        "hash/crc32", "hash/fnv", "hash/maphash", "io", "iter", "log", "maps", "math", "math/big", "math/bits",
        "math/cmplx", "math/rand", "math/rand/v2", "os", "os/exec", "net", "path", "reflect", "regexp", "runtime",
        "runtime/debug", "slices", "sort", "strconv", "strings", "sync", "sync/atomic", "syscall", "text/tabwriter",
        "time", "unicode", "unicode/utf16", "unicode/utf8", "unsafe", "encoding/binary", "encoding/json",
        "encoding/hex", "encoding/base64", "crypto/md5", "crypto/sha256",
    ];

    /// <summary>
    /// Builds the archives in the sandbox (a constant script): <c>go list -export</c> compiles the packages into a
    /// throwaway GOCACHE in /tmp (GOPATH mode, for Debian's gods), each archive is copied out under a flat name and
    /// listed in <c>importcfg</c>, then the harness package is compiled against them.
    /// </summary>
    private static readonly Lazy<PrebuiltArtifact> Precompiled = new(() => new PrebuiltArtifact(
        "go-std-harness",
        new Dictionary<string, string> { ["harness.go"] = Harness.Value },
        ["/bin/sh", "-c", "set -e; "
            + "gods=''; if [ -d " + GoPath + "/src/github.com/emirpasic/gods ]; then gods=github.com/emirpasic/gods/...; fi; "
            + GoCommand + " list -export -f '{{if .Export}}{{.ImportPath}}={{.Export}}{{end}}' -deps "
            + string.Join(' ', StandardRoots) + " $gods > /tmp/exports; "
            + ": > importcfg; "
            + "while IFS='=' read -r path file; do name=$(printf %s \"$path\" | tr / _).a; cp \"$file\" \"$name\"; "
            + "echo \"packagefile $path=" + PrebuiltMountPoint + "/$name\" >> importcfg; done < /tmp/exports; "
            + Compiler + " -p coderoom -lang=go1.23 -complete -trimpath=" + PrebuiltMountPoint + " -importcfg importcfg -pack -o coderoom.a harness.go; "
            + "echo \"packagefile coderoom=" + PrebuiltMountPoint + "/coderoom.a\" >> importcfg; rm -f harness.go"],
        PrebuiltMountPoint));

    /// <summary>The standard library's and gods' sources (Debian keeps them in /usr/share, which the sandbox does not
    /// mount by default), read-only: the prebuilt step compiles them; compiles and runs only read the archives.</summary>
    private static readonly Lazy<IReadOnlyList<SandboxMount>> SourceMounts = new(() =>
        [.. new[] { "/usr/share/go-1.23", GoPath }.Where(Directory.Exists).Select(d => new SandboxMount(d, d))]);

    public LanguageId Id => LanguageId.Go;

    public IReadOnlyList<string> RequiredFiles => [GoCommand, Compiler, Linker];

    /// <summary>The compiler and linker binaries (static: no libraries to keep mapped by a running one); the standard
    /// library's archives are the prebuilt artifact's.</summary>
    public IReadOnlyList<string> ResidentPaths => [Compiler, Linker];

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder(signature.NodeDefinitions(ListNodeDefinition, TreeNodeDefinition));
        var parameters = string.Join(", ", signature.Params.Select(p => p.Name + " " + GoTypes.Name(p.Type)));
        var result = GoTypes.Name(signature.ReturnType);
        code.Append("func ").Append(signature.FunctionNameFor(LanguageId.Go)).Append('(').Append(parameters).Append(')')
            .Append(result.Length > 0 ? " " + result : "").Append(" {\n    \n}\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb) => new()
    {
        Files = new Dictionary<string, string>
        {
            [GoSource.CandidateFile] = GoSource.Compose(candidateCode, out _),
            ["judge_call.go"] = CallSite(signature),
        },
        Prebuilt = Precompiled.Value,
        Mounts = SourceMounts.Value,
        // A constant script: the candidate's code is in solution.go, never in the command. -s -w: no symbol table or
        // DWARF (the runtime's own line tables stay, for panics' lines), which halves the link.
        CompileCommand =
        [
            "/bin/sh", "-c",
            Compiler + " -p main -lang=go1.23 -complete -trimpath=/box -importcfg " + PrebuiltMountPoint + "/importcfg -pack -o "
                + ObjectFile + " " + GoSource.CandidateFile + " judge_call.go && exec " + Linker + " -s -w -buildid= -importcfg "
                + PrebuiltMountPoint + "/importcfg -o /box/main " + ObjectFile,
        ],
        RunCommand = ["/box/main", StackBytes(memoryLimitMb).ToString(CultureInfo.InvariantCulture)],
        Environment = RunEnvironment(memoryLimitMb),
        // The runtime's threads (main, sysmon, a GC worker, a few for blocking system calls) and a candidate's
        // goroutines blocked in system calls: past this, the runtime cannot start a thread and dies ("failed to create
        // new OS thread"), a runtime error. The compiler and linker need a few more.
        MaxProcesses = 32,
        StartupAllowance = TimeSpan.FromMilliseconds(100),
        CompileCpuTime = TimeSpan.FromSeconds(20),
        CleanCompilerOutput = CleanCompilerOutput,
    };

    /// <summary>
    /// The compile step of <see cref="Plan(Signature, string, int)"/> without the link: the same files, flags and
    /// archives, so the check reports exactly Run's compile errors. -e: every error, not the first ten.
    /// </summary>
    public Checking.CheckPlan Check(Signature signature, string candidateCode) => new(
        Plan(signature, candidateCode) with
        {
            CompileCommand =
            [
                Compiler, "-p", "main", "-lang=go1.23", "-complete", "-e", "-trimpath=/box", "-importcfg",
                PrebuiltMountPoint + "/importcfg", "-pack", "-o", ObjectFile, GoSource.CandidateFile, "judge_call.go",
            ],
        },
        GoDiagnostics.Parse);

    /// <summary>
    /// One P (GOMAXPROCS=1): the GC and the candidate's goroutines share one CPU, as each judge slot has, so a test's
    /// CPU time does not depend on how many cores the host has. GOMEMLIMIT at 7/8 of the memory limit: the collector
    /// works harder as the heap nears the limit, so garbage alone does not reach it, while live data beyond it still
    /// ends in the cgroup's kill (memory_limit_exceeded). GOCACHE, GOPATH and HOME point into the private /tmp, so
    /// nothing of the toolchain writes outside the box.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> RunEnvironment(int memoryLimitMb) => new Dictionary<string, string>
    {
        ["GOMAXPROCS"] = "1",
        ["GOGC"] = "100",
        ["GOMEMLIMIT"] = (memoryLimitMb * 7 / 8).ToString(CultureInfo.InvariantCulture) + "MiB",
        ["GOTRACEBACK"] = "single",
        ["GOROOT"] = GoRoot,
        ["GOPATH"] = GoPath,
        ["GO111MODULE"] = "off",
        ["GOFLAGS"] = "",
        ["GOTOOLCHAIN"] = "local",
        ["GOTELEMETRY"] = "off",
        ["CGO_ENABLED"] = "0",
        ["GOCACHE"] = "/tmp/gocache",
        ["HOME"] = "/tmp",
        ["TMPDIR"] = "/tmp",
        ["LANG"] = "C.UTF-8",
        ["TZ"] = "UTC",
    };

    /// <summary>The goroutine stack limit (debug.SetMaxStack): a quarter of the memory limit, as C++'s thread stack, so
    /// runaway recursion is a stack overflow (runtime error) before its pages reach the memory limit.</summary>
    internal static long StackBytes(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 4, 8, 512) * 1024L * 1024;

    /// <summary>judge_call.go: the node types LeetCode predefines (aliases of the harness's, for the types the signature
    /// uses), and main with the typed call site: each parameter and the result read and written by its harness codec
    /// (no reflection, so no reflect or fmt in the link).</summary>
    internal static string CallSite(Signature signature)
    {
        var function = signature.FunctionNameFor(LanguageId.Go);
        var s = new StringBuilder("package main\n\nimport \"coderoom\"\n\n");
        if (signature.Uses(ValueKind.ListNode))
        {
            s.Append("type ListNode = coderoom.ListNode\n");
        }
        if (signature.Uses(ValueKind.TreeNode))
        {
            s.Append("type TreeNode = coderoom.TreeNode\n");
        }
        s.Append("\nfunc main() {\n\tcoderoom.Run(func(t *coderoom.Test) {\n");
        for (var i = 0; i < signature.Params.Count; i++)
        {
            var type = signature.Params[i].Type;
            s.Append("\t\tvar a").Append(i).Append(' ').Append(GoTypes.Name(type)).Append('\n');
            s.Append("\t\tcoderoom.Arg(t, &a").Append(i).Append(", ").Append(GoTypes.Codec(type)).Append(")\n");
        }
        var args = string.Join(", ", Enumerable.Range(0, signature.Params.Count).Select(i => "a" + i));
        var call = function + "(" + args + ")";
        if (signature.OutputParam is { } output)
        {
            var index = signature.Params.ToList().FindIndex(p => p.Name == output);
            var type = signature.Params[index].Type;
            s.Append("\t\tcoderoom.Call(t, ").Append(GoTypes.Codec(type)).Append(", func() ").Append(GoTypes.Name(type))
                .Append(" { ").Append(call).Append("; return a").Append(index).Append(" })\n");
        }
        else if (signature.ReturnType.Kind == ValueKind.Void)
        {
            s.Append("\t\tcoderoom.CallVoid(t, func() { ").Append(call).Append(" })\n");
        }
        else
        {
            s.Append("\t\tcoderoom.Call(t, ").Append(GoTypes.Codec(signature.ReturnType)).Append(", func() ")
                .Append(GoTypes.Name(signature.ReturnType)).Append(" { return ").Append(call).Append(" })\n");
        }
        s.Append("\t})\n}\n");
        return s.ToString();
    }

    /// <summary>
    /// The compiler names positions by the //line directive (solution.go:LINE:COL); strip any box path that slips
    /// through, and the link step's temporary object path.
    /// </summary>
    internal static string CleanCompilerOutput(string output) => BoxPath().Replace(output, "");

    [GeneratedRegex(@"/box/|/tmp/main\.a: ?")]
    private static partial Regex BoxPath();

    private const string ListNodeDefinition = """
        /**
         * Definition for singly-linked list.
         * type ListNode struct {
         *     Val int
         *     Next *ListNode
         * }
         */

        """;

    private const string TreeNodeDefinition = """
        /**
         * Definition for a binary tree node.
         * type TreeNode struct {
         *     Val int
         *     Left *TreeNode
         *     Right *TreeNode
         * }
         */

        """;
}
