using System.Text.Json;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>C# as LeetCode users write it: PascalCase methods, LeetCode's ListNode/TreeNode, IList&lt;IList&lt;T&gt;&gt;,
/// the implicit usings, chars, longs and bools, errors with the candidate's lines, and a cold and a warm runtime that
/// agree.</summary>
[Collection(nameof(JudgeCollection))]
public sealed class CSharpLanguageTests(JudgeFixture fixture)
{
    private static readonly Problem Scalars = JudgeFixture.Problem("""
        { "slug": "scalars", "title": "Scalars",
          "signature": { "function_name": "describe", "params": [ { "name": "c", "type": "character" }, { "name": "big", "type": "long" },
                         { "name": "flag", "type": "boolean" }, { "name": "grid", "type": "character[][]" }, { "name": "words", "type": "list<string>" } ],
                         "return_type": "list<string>" },
          "tests": [ { "visibility": "public", "input": { "c": "z", "big": 9007199254740993, "flag": true, "grid": [["a","b"],["c"]], "words": ["x","y"] },
                       "expected": ["z", "9007199254740994", "True", "abc", "x|y"] } ] }
        """);

    private static string Describe(JudgeResult result) =>
        result.Verdict + " " + (result.Compile?.Output ?? "") + " " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, Actual = t.Actual?.ToJsonString() }), ContractJson.Options);

    [Fact(Timeout = 60_000)]
    public async Task A_list_node_problem_builds_and_reads_back_LeetCodes_ListNode()
    {
        const string code = """
            public class Solution {
                public ListNode ReverseList(ListNode head) {
                    ListNode prev = null;
                    while (head != null) { prev = new ListNode(head.val, prev); head = head.next; }
                    return prev;
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[3,2,1]", result.Tests[0].Actual!.ToJsonString());
        Assert.Equal("[]", result.Tests[1].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_tree_node_problem_reads_back_level_order_without_trailing_nulls()
    {
        const string code = """
            public class Solution {
                public TreeNode InvertTree(TreeNode root) {
                    if (root == null) return null;
                    return new TreeNode(root.val, InvertTree(root.right), InvertTree(root.left));
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.InvertTree, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[1,2]", result.Tests[1].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Nested_ILists_are_compared_unordered_at_every_level()
    {
        const string code = """
            public class Solution {
                public IList<IList<string>> GroupAnagrams(string[] strs) {
                    return strs.GroupBy(s => new string(s.OrderBy(c => c).ToArray()))
                        .Select(g => (IList<string>)g.ToList()).ToList();
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.Anagrams, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task Chars_longs_bools_char_grids_and_lists_arrive_as_their_CSharp_types()
    {
        const string code = """
            public class Solution {
                public IList<string> Describe(char c, long big, bool flag, char[][] grid, IList<string> words) {
                    var sb = new StringBuilder();
                    foreach (var row in grid) sb.Append(row);
                    return new List<string> { c.ToString(), (big + 1).ToString(), flag.ToString(), sb.ToString(), string.Join("|", words) };
                }
            }
            """;
        var result = await fixture.JudgeAsync(Scalars, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_long_beyond_two_to_the_53_is_exact()
    {
        const string code = "public class Solution {\n    public long Product(long a, long b) {\n        return a * b;\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.Product, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("121932631112635269", result.Tests[0].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task LeetCodes_implicit_usings_are_there()
    {
        // PriorityQueue (Collections.Generic), LINQ, StringBuilder (Text), BigInteger and BitOperations (Numerics),
        // Regex and BitArray, none with a using of the candidate's own.
        const string code = """
            public class Solution {
                public int[] TwoSum(int[] nums, int target) {
                    var pq = new PriorityQueue<int, int>();
                    var sb = new StringBuilder("x");
                    var big = BigInteger.Pow(2, 70);
                    var bits = new BitArray(3);
                    if (!Regex.IsMatch("abc", "^a") || big.IsZero || BitOperations.PopCount(7u) != 3 || sb.Length != 1 || bits.Length != 3) return null;
                    for (int i = 0; i < nums.Length; i++) pq.Enqueue(i, nums[i]);
                    var map = nums.Select((v, i) => (v, i)).ToLookup(p => p.v, p => p.i);
                    for (int i = 0; i < nums.Length; i++)
                        foreach (int j in map[target - nums[i]]) if (j != i) return new[] { i, j };
                    return new int[0];
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task Solution_is_a_fresh_instance_per_test()
    {
        const string code = """
            public class Solution {
                private int calls;
                public ListNode ReverseList(ListNode head) {
                    if (++calls > 1) throw new InvalidOperationException("reused");
                    ListNode prev = null;
                    while (head != null) { var next = head.next; head.next = prev; prev = head; head = next; }
                    return prev;
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_method_is_a_compile_error_naming_it()
    {
        const string code = "public class Solution {\n    public int[] TwoSums(int[] nums, int target) {\n        return new[] { 0, 1 };\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.CSharp, code);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("Solution has no method TwoSum", result.Compile!.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_type_error_is_a_compile_error_as_LeetCode_shows_it()
    {
        const string code = "public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        int x = \"s\";\n        return nums;\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.CSharp, code);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("Line 3: Char 17: error CS0029: Cannot implicitly convert type 'string' to 'int' (in Solution.cs)", result.Compile!.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_null_dereference_is_a_runtime_error_naming_the_line()
    {
        const string code = "public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        int[] none = nums.Length > 100 ? nums : null;\n"
            + "        return new[] { none.Length, 0 };\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.CSharp, code, JudgeMode.Run);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(4, result.Tests[0].ErrorLine);
        Assert.Contains("System.NullReferenceException", result.Tests[0].Error);
    }

    [Fact(Timeout = 60_000)]
    public async Task Runaway_recursion_is_a_runtime_error_not_a_memory_kill()
    {
        const string code = "public class Solution {\n    public int Depth(int n) {\n        return 1 + Depth(n + 1);\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.Depth, LanguageId.CSharp, code, JudgeMode.Run);
        Assert.True(result.Verdict == Verdict.RuntimeError, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_candidate_who_defines_ListNode_gets_nodes_of_that_class()
    {
        const string code = """
            public class ListNode {
                public int val;
                public ListNode next;
                public bool mine = true;
                public ListNode(int val = 0, ListNode next = null) { this.val = val; this.next = next; }
            }
            public class Solution {
                public ListNode ReverseList(ListNode head) {
                    if (head != null && !head.mine) throw new InvalidOperationException("not my node");
                    ListNode prev = null;
                    while (head != null) { var next = head.next; head.next = prev; prev = head; head = next; }
                    return prev;
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.CSharp, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 120_000)]
    public async Task Code_that_walks_list_nodes_gives_the_same_results_in_a_cold_and_in_a_warm_runtime()
    {
        const string code = """
            public class Solution {
                public ListNode ReverseList(ListNode head) {
                    ListNode prev = null;
                    while (head != null) { var next = head.next; head.next = prev; prev = head; head = next; }
                    if (prev != null && prev.val == 3) Console.WriteLine("three first");
                    return prev == null ? null : new ListNode(prev.val, prev.next);
                }
            }
            """;
        string? first = null;
        for (var i = 0; i < 3; i++)
        {
            var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.CSharp, code);
            Assert.True(result.Verdict == Verdict.Accepted, $"run {i}: {Describe(result)}");
            var seen = JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, Actual = t.Actual?.ToJsonString(), t.Stdout }), ContractJson.Options);
            Assert.Equal(first ??= seen, seen);
            Assert.Contains("three first", result.Tests[0].Stdout);
            await Task.Delay(1500, TestContext.Current.CancellationToken); // let the pool start a warm runtime
        }
    }
}
