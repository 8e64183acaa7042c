using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages.Java;

/// <summary>
/// Java 17 (OpenJDK). The static harness (CodeRoomHarness, ListNode, TreeNode) finds the candidate's method by
/// reflection. Solution.java is the candidate's code after one line of LeetCode's implicit imports; compiler output
/// and runtime error lines are shifted back by that line.
/// </summary>
public sealed partial class JavaToolchain : ILanguageToolchain
{
    public const string JavaHome = "/usr/lib/jvm/java-17-openjdk-amd64";
    public const int DefaultMemoryLimitMb = 256;

    /// <summary>On its own line 1 so the candidate's lines keep their numbers, minus one.</summary>
    internal const string ImplicitImports =
        "import java.util.*; import java.util.function.*; import java.util.stream.*; import java.math.*;";

    private static readonly string[] HarnessFiles = ["CodeRoomHarness.java", "ListNode.java", "TreeNode.java", "CodeRoomCompileServer.java"];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Harness = new(() =>
        HarnessFiles.ToDictionary(f => f, f => EmbeddedSource.Read("Java." + f)));

    // JVM flags shared by javac and the run: one serial GC thread, no perf-data file in /tmp, the JDK's CDS archive.
    private static readonly string[] JvmFlags =
        ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData", "-XX:ActiveProcessorCount=1"];

    public LanguageId Id => LanguageId.Java;

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder();
        if (signature.Uses(ValueKind.ListNode))
        {
            code.Append(ListNodeDefinition);
        }
        if (signature.Uses(ValueKind.TreeNode))
        {
            code.Append(TreeNodeDefinition);
        }
        var parameters = string.Join(", ", signature.Params.Select(p => JavaTypes.Name(p.Type) + " " + p.Name));
        code.Append("class Solution {\n");
        code.Append("    public ").Append(JavaTypes.Name(signature.ReturnType)).Append(' ')
            .Append(signature.FunctionNameFor(LanguageId.Java)).Append('(').Append(parameters).Append(") {\n");
        code.Append("        \n    }\n}\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    /// <summary>Where the harness classes, compiled once, are mounted in compiles and runs.</summary>
    public const string PrebuiltMountPoint = "/opt/coderoom/java";

    /// <summary>
    /// javac's options, the same for a cold javac and the compile server. -proc:none: no annotation processor (no code
    /// runs while compiling). -XDstringConcat=inline: string concatenation compiles to StringBuilder calls instead of
    /// invokedynamic, whose bootstrap spun ~40 method-handle classes on a run's first concatenation (about 15 ms of a
    /// warm JVM's 25 ms run).
    /// </summary>
    private static readonly string[] JavacOptions =
        ["-proc:none", "-encoding", "UTF-8", "-nowarn", "-g", "-Xmaxerrs", "20", "-XDstringConcat=inline"];

    private static readonly string[] Javac =
    [
        JavaHome + "/bin/javac",
        .. JvmFlags.Select(f => "-J" + f),
        "-J-Xmx512m", "-J-Djava.io.tmpdir=/tmp",
        .. JavacOptions,
    ];

    /// <summary>javac in a long-lived JVM (CodeRoomCompileServer, compiled with the harness): compiles in memory,
    /// warmed up, so a compile takes ~15 ms instead of a cold javac's ~400 ms.</summary>
    private static readonly string[] CompileServer =
    [
        JavaHome + "/bin/java",
        .. JvmFlags,
        "-Xmx512m", "-Djava.io.tmpdir=/tmp", "-Duser.home=/tmp",
        "-cp", PrebuiltMountPoint, "CodeRoomCompileServer",
        .. JavacOptions, "-cp", PrebuiltMountPoint,
    ];

    /// <summary>The harness (CodeRoomHarness, ListNode, TreeNode) finds Solution by reflection, so it compiles once
    /// and each run compiles only the candidate's Solution.java against it.</summary>
    private static readonly Lazy<PrebuiltArtifact> PrecompiledHarness = new(() => new PrebuiltArtifact(
        "java-harness",
        Harness.Value,
        [.. Javac, "-cp", PrebuiltMountPoint, "-d", PrebuiltMountPoint, .. HarnessFiles],
        PrebuiltMountPoint));

    public IReadOnlyList<string> RequiredFiles => [JavaHome + "/bin/javac", JavaHome + "/bin/java"];

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb) =>
        Base(new Dictionary<string, string>
        {
            ["Solution.java"] = ImplicitImports + "\n" + SignatureFacts.NormaliseNewlines(candidateCode),
        }, memoryLimitMb);

    /// <summary>
    /// Live diagnostics: the judge's own compile of Solution.java against the harness, on the warm compile server (a cold
    /// javac while it starts); the classes are thrown away with the box. javac's analysis is nearly all of its ~15 ms
    /// there, so a separate analysis-only mode would save little and cost a second protocol.
    /// </summary>
    public Checking.CheckPlan Check(Signature signature, string candidateCode) => new(Plan(signature, candidateCode), JavaDiagnostics.Parse);

    /// <summary>A JVM started ahead of time with the harness loaded, waiting for the header that brings the compiled
    /// classes: a run then pays no JVM start-up (most of a Java run's time).</summary>
    public BuildPlan? WarmPlan(int memoryLimitMb) => Base(new Dictionary<string, string>(), memoryLimitMb);

    private static BuildPlan Base(Dictionary<string, string> files, int memoryLimitMb)
    {
        return new BuildPlan
        {
            Files = files,
            Prebuilt = PrecompiledHarness.Value,
            CompileCommand =
            [
                .. Javac,
                "-cp", PrebuiltMountPoint, "-d", "/box",
                "Solution.java",
            ],
            CompileServerCommand = CompileServer,
            RunCommand =
            [
                JavaHome + "/bin/java",
                .. JvmFlags,
                "-Xmx" + HeapMb(memoryLimitMb).ToString(CultureInfo.InvariantCulture) + "m",
                "-Dcoderoom.stack=" + StackBytes(memoryLimitMb).ToString(CultureInfo.InvariantCulture),
                "-Djava.io.tmpdir=/tmp", "-Dfile.encoding=UTF-8", "-Duser.home=/tmp",
                // The harness's classes first: a candidate class named CodeRoomHarness, ListNode or TreeNode cannot
                // replace them (a warm JVM's class loader asks its parent first, so both paths agree).
                "-cp", PrebuiltMountPoint + ":/box", "CodeRoomHarness",
            ],
            // The JDK's configuration (its conf/ and jvm.cfg are links into /etc). Not /etc/alternatives: every
            // command names the JDK's own binaries, never /usr/bin/java.
            Mounts =
            [
                new SandboxMount("/etc/java-17-openjdk", "/etc/java-17-openjdk"),
            ],
            Environment = new Dictionary<string, string>
            {
                ["LANG"] = "C.UTF-8",
                ["LC_ALL"] = "C.UTF-8",
                ["TZ"] = "UTC",
                ["JAVA_HOME"] = JavaHome,
            },
            // The JVM starts 13-19 threads, javac a few more; a candidate's own threads need room too.
            MaxProcesses = 64,
            StartupAllowance = TimeSpan.FromMilliseconds(500),
            // Defining the candidate's classes and looking up the method by reflection, on the harness's side.
            LoadAllowance = TimeSpan.FromMilliseconds(150),
            CompileCpuTime = TimeSpan.FromSeconds(20),
            CleanCompilerOutput = CleanCompilerOutput,
        };
    }

    /// <summary>The heap gets what the JVM's own ~50 MB (metaspace, code cache, CDS) and the thread stack leave.</summary>
    internal static int HeapMb(int memoryLimitMb) => Math.Max(16, memoryLimitMb - 64);

    /// <summary>
    /// The solution thread's stack: room for depth 100,000, yet small enough that runaway recursion ends in
    /// StackOverflowError (judged runtime error) before its touched stack pages hit the memory limit.
    /// Measured: unwinding a StackOverflowError through C1-compiled frames costs about three times the stack in
    /// native memory (32 MB of stack: depth 834,000 of a small method, peak RSS 145 MB), so an eighth of the limit.
    /// </summary>
    internal static long StackBytes(int memoryLimitMb) => Math.Clamp(memoryLimitMb / 8, 8, 256) * 1024L * 1024;

    /// <summary>Names Solution.java lines as the candidate sees them and drops box paths.</summary>
    internal static string CleanCompilerOutput(string output)
    {
        var cleaned = output.Replace("/box/", "", StringComparison.Ordinal);
        return SolutionLine().Replace(cleaned, m =>
        {
            var line = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
            return "Solution.java:" + Math.Max(line, 1).ToString(CultureInfo.InvariantCulture) + ":";
        });
    }

    [GeneratedRegex(@"(?<![\w/])Solution\.java:(\d+):")]
    private static partial Regex SolutionLine();

    private const string ListNodeDefinition = """
        /**
         * Definition for singly-linked list.
         * public class ListNode {
         *     int val;
         *     ListNode next;
         *     ListNode() {}
         *     ListNode(int val) { this.val = val; }
         *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
         * }
         */

        """;

    private const string TreeNodeDefinition = """
        /**
         * Definition for a binary tree node.
         * public class TreeNode {
         *     int val;
         *     TreeNode left;
         *     TreeNode right;
         *     TreeNode() {}
         *     TreeNode(int val) { this.val = val; }
         *     TreeNode(int val, TreeNode left, TreeNode right) {
         *         this.val = val;
         *         this.left = left;
         *         this.right = right;
         *     }
         * }
         */

        """;
}
