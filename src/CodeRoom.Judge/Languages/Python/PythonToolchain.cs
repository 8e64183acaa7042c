using System.Text;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Languages.Python;

/// <summary>
/// Python 3.11 (Debian's, not the pyenv one on PATH). No compile step: harness.py compiles solution.py itself and
/// reports a syntax error as the protocol's C line.
/// </summary>
public sealed class PythonToolchain : ILanguageToolchain
{
    public const string Interpreter = "/usr/bin/python3.11";

    private static readonly Lazy<string> Harness = new(() => EmbeddedSource.Read("Python.harness.py"));

    public LanguageId Id => LanguageId.Python;

    public IReadOnlyList<string> RequiredFiles => [Interpreter];

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
        var parameters = string.Concat(signature.Params.Select(p => ", " + p.Name + ": " + PythonTypes.Hint(p.Type)));
        code.Append("class Solution:\n");
        code.Append("    def ").Append(signature.FunctionNameFor(LanguageId.Python)).Append("(self").Append(parameters)
            .Append(") -> ").Append(PythonTypes.Hint(signature.ReturnType)).Append(":\n");
        if (signature.OutputParam is { } output)
        {
            code.Append("        \"\"\"\n        Do not return anything, modify ").Append(output)
                .Append(" in-place instead.\n        \"\"\"\n");
        }
        code.Append("        pass\n");
        return code.ToString();
    }

    public BuildPlan Plan(Signature signature, string candidateCode) => Base(new Dictionary<string, string>
    {
        ["harness.py"] = Harness.Value,
        ["solution.py"] = SignatureFacts.NormaliseNewlines(candidateCode),
    });

    /// <summary>mypy's type pass (<see cref="PythonTypeCheck"/>). On a host without mypy its stub cache cannot be built,
    /// and the check answers 503 (the page keeps ruff's markers); `coderoom doctor` names the missing package.</summary>
    public Checking.CheckPlan? Check(Signature signature, string candidateCode) => PythonTypeCheck.Plan(candidateCode);

    public IReadOnlyList<string> CheckRequiredFiles => [PythonTypeCheck.MypyVersionFile];

    /// <summary>The interpreter started with the harness alone, its modules imported, waiting for the header that
    /// brings the code: the request then pays neither the sandbox's nor CPython's start-up.</summary>
    public BuildPlan? WarmPlan(int memoryLimitMb) => Base(new Dictionary<string, string> { ["harness.py"] = Harness.Value });

    private static BuildPlan Base(IReadOnlyDictionary<string, string> files) => new()
    {
        Files = files,
        CompileCommand = null,
        // -S: no site directory; -B: no .pyc next to the code (the box is read-only anyway); -u: output survives a kill.
        RunCommand = [Interpreter, "-S", "-B", "-u", "/box/harness.py"],
        Environment = new Dictionary<string, string>
        {
            ["PYTHONHASHSEED"] = "0",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTHONIOENCODING"] = "utf-8",
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
            ["TZ"] = "UTC",
        },
        // The harness's big-stack thread, plus any threads a candidate starts.
        MaxProcesses = 8,
        StartupAllowance = TimeSpan.FromMilliseconds(300),
    };

    private const string ListNodeDefinition = """
        # Definition for singly-linked list.
        # class ListNode:
        #     def __init__(self, val=0, next=None):
        #         self.val = val
        #         self.next = next

        """;

    private const string TreeNodeDefinition = """
        # Definition for a binary tree node.
        # class TreeNode:
        #     def __init__(self, val=0, left=None, right=None):
        #         self.val = val
        #         self.left = left
        #         self.right = right

        """;
}
