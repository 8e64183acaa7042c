using System.Text.Json;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>JavaScript and TypeScript as LeetCode users write them: the node types, the comparison modes, the forms a
/// solution takes (var/function/const/class Solution), big integers and TypeScript's type errors.</summary>
[Collection(nameof(JudgeCollection))]
public sealed class ScriptLanguageTests(JudgeFixture fixture)
{
    public static TheoryData<LanguageId> Languages => [LanguageId.JavaScript, LanguageId.TypeScript];

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_list_node_problem_builds_and_reads_back_lists(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "var reverseList = function(head) {\n    let prev = null;\n    while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n    return prev;\n};\n"
            : "function reverseList(head: ListNode | null): ListNode | null {\n    let prev: ListNode | null = null;\n"
              + "    while (head) { prev = new ListNode(head.val, prev); head = head.next; }\n    return prev;\n}\n";
        var result = await fixture.JudgeAsync(Problems.ReverseList, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[3,2,1]", result.Tests[0].Actual!.ToJsonString());
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_tree_node_problem_reads_back_level_order_without_trailing_nulls(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "var invertTree = function(root) {\n    if (!root) return null;\n    return new TreeNode(root.val, invertTree(root.right), invertTree(root.left));\n};\n"
            : "function invertTree(root: TreeNode | null): TreeNode | null {\n    if (!root) return null;\n"
              + "    [root.left, root.right] = [invertTree(root.right), invertTree(root.left)];\n    return root;\n}\n";
        var result = await fixture.JudgeAsync(Problems.InvertTree, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[1,2]", result.Tests[1].Actual!.ToJsonString());
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_candidate_who_defines_the_node_class_gets_nodes_of_that_class(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "function ListNode(val, next) { this.val = val; this.next = next || null; this.mine = true; }\n"
              + "var reverseList = function(head) {\n    if (head && !head.mine) throw new Error('not my node');\n"
              + "    let prev = null;\n    while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n    return prev;\n};\n"
            : "class ListNode {\n    val: number\n    next: ListNode | null\n    mine = true\n"
              + "    constructor(val?: number, next?: ListNode | null) { this.val = val ?? 0; this.next = next ?? null; }\n}\n"
              + "function reverseList(head: ListNode | null): ListNode | null {\n    if (head && !head.mine) throw new Error('not my node');\n"
              + "    let prev: ListNode | null = null;\n    while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n    return prev;\n}\n";
        var result = await fixture.JudgeAsync(Problems.ReverseList, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task Nested_lists_are_compared_unordered_at_every_level(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "var groupAnagrams = function(strs) {\n    const m = new Map();\n"
              + "    for (const s of strs) { const k = [...s].sort().join(''); if (!m.has(k)) m.set(k, []); m.get(k).push(s); }\n"
              + "    return [...m.values()];\n};\n"
            : "function groupAnagrams(strs: string[]): string[][] {\n    const m = new Map<string, string[]>();\n"
              + "    for (const s of strs) { const k = [...s].sort().join(''); if (!m.has(k)) m.set(k, []); m.get(k).push(s); }\n"
              + "    return [...m.values()];\n}\n";
        var result = await fixture.JudgeAsync(Problems.Anagrams, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_character_is_a_one_character_string(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "var firstChar = function(s) {\n    return s[0];\n};\n"
            : "function firstChar(s: string): string {\n    return s[0];\n}\n";
        var result = await fixture.JudgeAsync(Problems.FirstChar, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        var twoChars = await fixture.JudgeAsync(Problems.FirstChar, language, code.Replace("s[0]", "s.slice(0, 2)", StringComparison.Ordinal));
        Assert.Equal(Verdict.RuntimeError, twoChars.Verdict);
        Assert.Contains("one-character string", twoChars.Tests[0].Error);
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_long_beyond_two_to_the_53_is_exact_when_returned_as_a_bigint(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "var product = function(a, b) {\n    return BigInt(a) * BigInt(b);\n};\n"
            : "function product(a: number, b: number): number {\n    return Number(BigInt(a) * BigInt(b));\n}\n";
        var result = await fixture.JudgeAsync(Problems.Product, language, code);
        if (language == LanguageId.JavaScript)
        {
            Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
            Assert.Equal("121932631112635269", result.Tests[0].Actual!.ToJsonString());
        }
        else
        {
            // A number cannot hold it: the nearest double, as on LeetCode.
            Assert.Equal(Verdict.WrongAnswer, result.Verdict);
            Assert.Equal("121932631112635260", result.Tests[0].Actual!.ToJsonString());
        }
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_class_Solution_with_the_method_is_called_on_a_fresh_instance_per_test(LanguageId language)
    {
        var code = language == LanguageId.JavaScript
            ? "class Solution {\n    constructor() { this.calls = 0; }\n    reverseList(head) {\n        if (++this.calls > 1) throw new Error('reused');\n"
              + "        let prev = null;\n        while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n        return prev;\n    }\n}\n"
            : "class Solution {\n    calls = 0;\n    reverseList(head: ListNode | null): ListNode | null {\n        if (++this.calls > 1) throw new Error('reused');\n"
              + "        let prev: ListNode | null = null;\n        while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n        return prev;\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.ReverseList, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task LeetCodes_preloaded_priority_queues_queue_and_deque_are_there(LanguageId language)
    {
        var problem = JudgeFixture.Problem("""
            { "slug": "kth", "title": "Kth largest",
              "signature": { "function_name": "findKthLargest", "params": [ { "name": "nums", "type": "integer[]" }, { "name": "k", "type": "integer" } ],
                             "return_type": "integer" },
              "tests": [ { "visibility": "public", "input": { "nums": [3,2,1,5,6,4], "k": 2 }, "expected": 5 },
                         { "visibility": "public", "input": { "nums": [3,2,3,1,2,4,5,5,6], "k": 4 }, "expected": 4 } ] }
            """);
        var code = language == LanguageId.JavaScript
            ? "var findKthLargest = function(nums, k) {\n    const heap = new MinPriorityQueue();\n"
              + "    for (const x of nums) { heap.enqueue(x); if (heap.size() > k) heap.dequeue(); }\n"
              + "    const max = new MaxPriorityQueue({ priority: (p) => p.v }); max.enqueue({ v: 1 });\n"
              + "    const q = new Queue([1]); const d = new Deque([2]); d.pushFront(q.dequeue());\n"
              + "    return heap.front() + max.front().v - d.popFront();\n};\n"
            : "function findKthLargest(nums: number[], k: number): number {\n"
              + "    const heap = new PriorityQueue<number>((a, b) => a - b);\n"
              + "    for (const x of nums) { heap.enqueue(x); if (heap.size() > k) heap.dequeue(); }\n"
              + "    const max = new MaxPriorityQueue<number>(); max.enqueue(1);\n"
              + "    return heap.front() + max.dequeue() - new Deque<number>([1]).popBack();\n}\n";
        var result = await fixture.JudgeAsync(problem, language, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task JavaScript_runs_in_sloppy_mode_as_on_LeetCode()
    {
        // An undeclared variable: a ReferenceError in strict mode or a module, fine in a classic script.
        const string code = "var twoSum = function(nums, target) {\n    for (i = 0; i < nums.length; i++)\n"
            + "        for (j = i + 1; j < nums.length; j++)\n            if (nums[i] + nums[j] === target) return [i, j];\n};\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.JavaScript, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_function_is_a_compile_error_naming_it()
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.JavaScript, "var twoSums = function(nums, target) {\n    return [0, 1];\n};\n");
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("no function 'twoSum'", result.Compile!.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_TypeScript_runtime_error_names_the_line_of_the_ts_file_not_of_the_emitted_javascript()
    {
        // Type annotations and an interface take lines that the emitted JavaScript does not have.
        const string code = "interface Pair {\n    a: number;\n    b: number;\n}\n\nfunction twoSum(nums: number[], target: number): number[] {\n"
            + "    const p: Pair = { a: 0, b: 1 };\n    const none: any = null;\n    return [p.a, none.b];\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.TypeScript, code, JudgeMode.Run);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(9, result.Tests[0].ErrorLine);
        Assert.Contains("TypeError", result.Tests[0].Error);
    }

    [Fact(Timeout = 60_000)]
    public async Task TypeScript_is_not_strict_about_nulls_or_implicit_any_as_on_LeetCode()
    {
        const string code = "function twoSum(nums, target: number): number[] {\n    const seen = new Map<number, number[]>();\n"
            + "    for (let i = 0; i < nums.length; i++) {\n        if (seen.has(target - nums[i])) return [seen.get(target - nums[i])[0], i];\n"
            + "        seen.set(nums[i], [i]);\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.TypeScript, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Theory(Timeout = 120_000), MemberData(nameof(Languages))]
    public async Task Runs_in_a_warm_node_give_the_same_results_as_in_a_cold_one(LanguageId language)
    {
        // The first run may start Node cold; the pool then keeps one started, which later runs take (TypeScript hands it
        // the compiled solution.js in the header). A crash's line must be the candidate's either way.
        var walls = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumCrash[language], JudgeMode.Run);
            Assert.True(result.Verdict == Verdict.Accepted, $"run {i}: " + Describe(result));
            var fresh = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSum[language] + "\n// run " + i + "\n", JudgeMode.Run);
            Assert.True(fresh.Verdict == Verdict.Accepted, $"fresh run {i}: " + Describe(fresh));
            walls.Add(fresh.WallMs);
            var crash = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumCrash[language]);
            Assert.Equal(4, crash.Tests[2].ErrorLine);
            await Task.Delay(700, TestContext.Current.CancellationToken); // let the pool start a warm Node
        }
        TestContext.Current.SendDiagnosticMessage($"{language}: fresh two-sum Run wall ms: {string.Join(", ", walls.Select(w => w.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    private static string Describe(JudgeResult result) =>
        result.Verdict + " " + (result.Compile?.Output ?? "") + " " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Error, Actual = t.Actual?.ToJsonString() }), ContractJson.Options);
}
