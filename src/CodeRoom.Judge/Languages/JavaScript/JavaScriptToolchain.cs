using System.Text;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Languages.JavaScript;

/// <summary>
/// JavaScript on Debian's Node.js 20 (LeetCode runs Node 20 too). No compile step: harness.js compiles solution.js
/// itself (as a classic, sloppy-mode script, as LeetCode does) and reports a syntax error as the protocol's C line.
/// </summary>
public sealed class JavaScriptToolchain : ILanguageToolchain
{
    public const int DefaultMemoryLimitMb = 256;

    public LanguageId Id => LanguageId.JavaScript;

    public IReadOnlyList<string> RequiredFiles => [NodeRuntime.Node];

    public string StarterCode(Signature signature)
    {
        var code = new StringBuilder(signature.NodeDefinitions(ListNodeDefinition, TreeNodeDefinition));
        code.Append("/**\n");
        foreach (var p in signature.Params)
        {
            code.Append(" * @param {").Append(ScriptTypes.JsDoc(p.Type)).Append("} ").Append(p.Name).Append('\n');
        }
        if (signature.OutputParam is { } output)
        {
            code.Append(" * @return {void} Do not return anything, modify ").Append(output).Append(" in-place instead.\n");
        }
        else
        {
            code.Append(" * @return {").Append(ScriptTypes.JsDoc(signature.ReturnType)).Append("}\n");
        }
        code.Append(" */\n");
        code.Append("var ").Append(signature.FunctionNameFor(LanguageId.JavaScript)).Append(" = function(")
            .Append(string.Join(", ", signature.Params.Select(p => p.Name))).Append(") {\n    \n};\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Plan(signature, candidateCode, DefaultMemoryLimitMb);

    public BuildPlan Plan(Signature signature, string candidateCode, int memoryLimitMb) => Base(new Dictionary<string, string>
    {
        ["harness.js"] = NodeRuntime.Harness.Value,
        ["solution.js"] = SignatureFacts.NormaliseNewlines(candidateCode),
    }, memoryLimitMb);

    /// <summary>Node started with the harness alone, waiting for the header that brings the code: the request then
    /// pays neither the sandbox's nor Node's start-up (~40 ms).</summary>
    public BuildPlan? WarmPlan(int memoryLimitMb) =>
        Base(new Dictionary<string, string> { ["harness.js"] = NodeRuntime.Harness.Value }, memoryLimitMb);

    private static BuildPlan Base(IReadOnlyDictionary<string, string> files, int memoryLimitMb) => new()
    {
        Files = files,
        CompileCommand = null,
        RunCommand = NodeRuntime.RunCommand(memoryLimitMb),
        Environment = NodeRuntime.Environment,
        // Node's own threads (main, V8's platform worker, libuv's signal and I/O threads), plus a candidate's workers.
        MaxProcesses = 16,
        StartupAllowance = TimeSpan.FromMilliseconds(300),
    };

    private const string ListNodeDefinition = """
        /**
         * Definition for singly-linked list.
         * function ListNode(val, next) {
         *     this.val = (val===undefined ? 0 : val)
         *     this.next = (next===undefined ? null : next)
         * }
         */

        """;

    private const string TreeNodeDefinition = """
        /**
         * Definition for a binary tree node.
         * function TreeNode(val, left, right) {
         *     this.val = (val===undefined ? 0 : val)
         *     this.left = (left===undefined ? null : left)
         *     this.right = (right===undefined ? null : right)
         * }
         */

        """;
}
