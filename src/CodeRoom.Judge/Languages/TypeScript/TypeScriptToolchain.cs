using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages.JavaScript;
using CodeRoom.Judge.Sandbox;

namespace CodeRoom.Judge.Languages.TypeScript;

/// <summary>
/// TypeScript: solution.ts compiled by the TypeScript compiler pinned in Languages/TypeScript/package-lock.json
/// (7.0.2, the version web/ uses; `./coderoom start`/`test` install it into <see cref="InstallRoot"/>), then run by
/// the JavaScript harness on Node 20. TypeScript 7 is the native (Go) compiler: a cold compile of a solution takes
/// ~50 ms of CPU (with --skipLibCheck), so there is no compile server. LeetCode's options: no strict, but alwaysStrict,
/// strictBindCallApply and strictFunctionTypes, target ES2022; type errors are compile errors, named by the
/// candidate's line and column. Runtime errors are mapped back to the candidate's lines through the inline source map.
/// </summary>
public sealed partial class TypeScriptToolchain : ILanguageToolchain
{
    public const int DefaultMemoryLimitMb = 256;

    /// <summary>Where `./coderoom` installs the pinned compiler (npm ci of this folder's lock), mounted read-only.</summary>
    public const string InstallRoot = "/opt/coderoom/typescript";

    public const string Compiler = InstallRoot + "/node_modules/@typescript/typescript-linux-x64/lib/tsc";

    private const string Declarations = "coderoom.d.ts";

    /// <summary>ListNode and TreeNode as LeetCode declares them; the harness defines them at run time.</summary>
    private const string ListNodeDeclaration =
        "declare class ListNode { val: number; next: ListNode | null; constructor(val?: number, next?: ListNode | null); }\n";

    private const string TreeNodeDeclaration =
        "declare class TreeNode { val: number; left: TreeNode | null; right: TreeNode | null; " +
        "constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null); }\n";

    /// <summary>LeetCode's preloaded queue classes (the @datastructures-js v6 API), which the harness defines.</summary>
    private static readonly (string Name, string Declaration)[] QueueDeclarations =
    [
        ("PriorityQueue", "declare class PriorityQueue<T> { constructor(compare: (a: T, b: T) => number, values?: T[]); size(): number; "
            + "isEmpty(): boolean; front(): T | null; back(): T | null; enqueue(value: T): this; push(value: T): this; dequeue(): T | null; "
            + "pop(): T | null; remove(callback: (value: T) => boolean): T[]; contains(callback: (value: T) => boolean): boolean; clear(): void; "
            + "toArray(): T[]; [Symbol.iterator](): Iterator<T>; static fromArray<T>(values: T[], compare: (a: T, b: T) => number): PriorityQueue<T>; }\n"),
        ("MinPriorityQueue", "declare class MinPriorityQueue<T = number> extends PriorityQueue<T> { constructor(options?: ((value: T) => number | string) | "
            + "{ priority?: (value: T) => number | string; compare?: (a: T, b: T) => number }, values?: T[]); }\n"),
        ("MaxPriorityQueue", "declare class MaxPriorityQueue<T = number> extends PriorityQueue<T> { constructor(options?: ((value: T) => number | string) | "
            + "{ priority?: (value: T) => number | string; compare?: (a: T, b: T) => number }, values?: T[]); }\n"),
        ("Queue", "declare class Queue<T = any> { constructor(values?: T[]); size(): number; isEmpty(): boolean; front(): T | null; back(): T | null; "
            + "enqueue(value: T): this; push(value: T): this; dequeue(): T | null; pop(): T | null; toArray(): T[]; clear(): void; "
            + "static fromArray<T>(values: T[]): Queue<T>; }\n"),
        ("Deque", "declare class Deque<T = any> { constructor(values?: T[]); size(): number; isEmpty(): boolean; front(): T | null; back(): T | null; "
            + "pushFront(value: T): this; pushBack(value: T): this; popFront(): T | null; popBack(): T | null; toArray(): T[]; clear(): void; "
            + "static fromArray<T>(values: T[]): Deque<T>; }\n"),
    ];

    private static readonly string[] CompileCommand =
    [
        Compiler,
        "--singleThreaded",
        "--pretty", "false",
        // LeetCode's options (strict is on by default since TypeScript 6; LeetCode's accepted code needs it off).
        "--strict", "false",
        "--alwaysStrict",
        "--strictBindCallApply",
        "--strictFunctionTypes",
        "--target", "ES2022",
        "--noEmitOnError",
        // The default lib (ES2022 and the DOM, as LeetCode has it: console, performance) is parsed but not type-checked
        // again on every compile: 50 ms instead of 250.
        "--skipLibCheck",
        "--inlineSourceMap",
        "--newLine", "lf",
        "--outDir", "/box",
        "solution.ts", Declarations,
    ];

    public LanguageId Id => LanguageId.TypeScript;

    public IReadOnlyList<string> RequiredFiles => [Compiler, NodeRuntime.Node];

    /// <summary>tsc (a static binary) and the lib.*.d.ts declarations every compile reads, in its directory.</summary>
    public IReadOnlyList<string> ResidentPaths => [Path.GetDirectoryName(Compiler)!];

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder(signature.NodeDefinitions(ListNodeDefinition, TreeNodeDefinition));
        if (signature.OutputParam is { } output)
        {
            code.Append("/**\n Do not return anything, modify ").Append(output).Append(" in-place instead.\n */\n");
        }
        var parameters = string.Join(", ", signature.Params.Select(p => p.Name + ": " + ScriptTypes.TypeScript(p.Type)));
        code.Append("function ").Append(signature.FunctionNameFor(LanguageId.TypeScript)).Append('(').Append(parameters)
            .Append("): ").Append(ScriptTypes.TypeScript(signature.ReturnType)).Append(" {\n    \n};\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb)
    {
        var code = SignatureFacts.NormaliseNewlines(candidateCode);
        // A candidate who uncomments LeetCode's definition declares the class itself (the harness then builds its
        // nodes from that class); a second, ambient declaration would be a duplicate identifier.
        var declarations = (OwnClass(code, "ListNode") ? "" : ListNodeDeclaration) + (OwnClass(code, "TreeNode") ? "" : TreeNodeDeclaration)
            + string.Concat(QueueDeclarations.Where(q => !OwnClass(code, q.Name)).Select(q => q.Declaration));
        return Base(new Dictionary<string, string>
        {
            ["harness.js"] = NodeRuntime.Harness.Value,
            ["solution.ts"] = code,
            [Declarations] = "// CodeRoom's ambient declarations (LeetCode's predefined types).\n" + declarations,
        }, memoryLimitMb);
    }

    /// <summary>A warm Node, as for JavaScript; it gets the compiled solution.js in its header.</summary>
    public BuildPlan? WarmPlan(int memoryLimitMb) =>
        Base(new Dictionary<string, string> { ["harness.js"] = NodeRuntime.Harness.Value }, memoryLimitMb);

    private static bool OwnClass(string code, string name) =>
        Regex.IsMatch(code, @"^\s*(export\s+)?class\s+" + name + @"\b", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private static BuildPlan Base(IReadOnlyDictionary<string, string> files, int memoryLimitMb) => new()
    {
        Files = files,
        CompileCommand = CompileCommand,
        CompiledCodeFile = "solution.js",
        RunCommand = NodeRuntime.RunCommand(memoryLimitMb),
        Mounts = [new SandboxMount(InstallRoot, InstallRoot)],
        Environment = new Dictionary<string, string>(NodeRuntime.Environment.ToDictionary())
        {
            // The compiler is a Go program: one thread doing the work, a few of the runtime's own.
            ["GOMAXPROCS"] = "1",
            ["GOGC"] = "400",
        },
        MaxProcesses = 16,
        StartupAllowance = TimeSpan.FromMilliseconds(300),
        CompileCpuTime = TimeSpan.FromSeconds(10),
        CompileMemoryBytes = 1024L * 1024 * 1024,
        CleanCompilerOutput = CleanCompilerOutput,
    };

    /// <summary>tsc's <c>solution.ts(8,9): error TS2322: ...</c> as LeetCode shows it: <c>Line 8: Char 9: error TS2322: ...</c>.</summary>
    internal static string CleanCompilerOutput(string output)
    {
        var cleaned = output.Replace("/box/", "", StringComparison.Ordinal);
        return DiagnosticLocation().Replace(cleaned, m => string.Create(CultureInfo.InvariantCulture,
            $"Line {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}: Char {int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)}: "));
    }

    [GeneratedRegex(@"(?m)^solution\.ts\((\d+),(\d+)\): ")]
    private static partial Regex DiagnosticLocation();

    private const string ListNodeDefinition = """
        /**
         * Definition for singly-linked list.
         * class ListNode {
         *     val: number
         *     next: ListNode | null
         *     constructor(val?: number, next?: ListNode | null) {
         *         this.val = (val===undefined ? 0 : val)
         *         this.next = (next===undefined ? null : next)
         *     }
         * }
         */

        """;

    private const string TreeNodeDefinition = """
        /**
         * Definition for a binary tree node.
         * class TreeNode {
         *     val: number
         *     left: TreeNode | null
         *     right: TreeNode | null
         *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
         *         this.val = (val===undefined ? 0 : val)
         *         this.left = (left===undefined ? null : left)
         *         this.right = (right===undefined ? null : right)
         *     }
         * }
         */

        """;
}
