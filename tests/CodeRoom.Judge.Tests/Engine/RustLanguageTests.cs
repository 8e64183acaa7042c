using System.Text;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages.Rust;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Rust as LeetCode users write it: <c>impl Solution</c> with snake_case associated functions, LeetCode's
/// ListNode and TreeNode (predefined, or declared by the candidate), their own <c>use</c> lines, panics with the
/// candidate's line, stack overflow, and wrapping arithmetic (overflow checks off, as on LeetCode).</summary>
[Collection(nameof(JudgeCollection))]
public sealed class RustLanguageTests(JudgeFixture fixture)
{
    private static readonly Problem Product = JudgeFixture.Problem("""
        { "slug": "product", "title": "Product",
          "signature": { "function_name": "product", "params": [ { "name": "a", "type": "integer" }, { "name": "b", "type": "integer" } ], "return_type": "integer" },
          "tests": [ { "visibility": "public", "input": { "a": 2147483647, "b": 2 }, "expected": -2 } ] }
        """);

    private static readonly Problem Islands = JudgeFixture.Problem("""
        { "slug": "flip", "title": "Flip",
          "signature": { "function_name": "flipGrid", "params": [ { "name": "grid", "type": "character[][]" } ], "return_type": "void", "output_param": "grid" },
          "tests": [ { "visibility": "public", "input": { "grid": [["1","0"],["0","1"]] }, "expected": [["0","1"],["1","0"]] } ] }
        """);

    private const string ReverseBody = """
                let (mut prev, mut curr) = (None, head);
                while let Some(mut node) = curr {
                    curr = node.next.take();
                    node.next = prev;
                    prev = Some(node);
                }
                prev

        """;

    private const string TreeCode = """
        // Definition for a binary tree node.
        // #[derive(Debug, PartialEq, Eq)]
        // pub struct TreeNode {
        //   pub val: i32,
        //   pub left: Option<Rc<RefCell<TreeNode>>>,
        //   pub right: Option<Rc<RefCell<TreeNode>>>,
        // }
        use std::rc::Rc;
        use std::cell::RefCell;
        impl Solution {
            pub fn invert_tree(root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
                if let Some(node) = root.clone() {
                    let left = node.borrow_mut().left.take();
                    let right = node.borrow_mut().right.take();
                    node.borrow_mut().left = Self::invert_tree(right);
                    node.borrow_mut().right = Self::invert_tree(left);
                }
                root
            }
        }
        """;

    [Fact(Timeout = 60_000)]
    public async Task A_list_node_problem_builds_and_reads_back_lists()
    {
        const string code = "impl Solution {\n    pub fn reverse_list(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {\n" + ReverseBody + "    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.Rust, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[3,2,1]", result.Tests[0].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_tree_node_problem_with_the_candidates_own_use_lines_reads_back_level_order()
    {
        var result = await fixture.JudgeAsync(Problems.InvertTree, LanguageId.Rust, TreeCode);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[1,2]", result.Tests[1].Actual!.ToJsonString());
        // Without the use lines Rc and RefCell are still there, as on LeetCode.
        var bare = await fixture.JudgeAsync(Problems.InvertTree, LanguageId.Rust, TreeCode.Replace("use std::rc::Rc;\n", "", StringComparison.Ordinal)
            .Replace("use std::cell::RefCell;\n", "", StringComparison.Ordinal));
        Assert.True(bare.Verdict == Verdict.Accepted, Describe(bare));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_candidate_who_declares_the_node_struct_and_Solution_gets_nodes_of_that_struct()
    {
        const string code = """
            #![allow(dead_code)]
            #[derive(PartialEq, Eq, Clone, Debug)]
            pub struct ListNode {
                pub val: i32,
                pub next: Option<Box<ListNode>>,
            }
            impl ListNode {
                fn mine(&self) -> bool { true }
            }
            pub struct Solution;
            impl Solution {
                pub fn reverse_list(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
                    assert!(head.as_ref().map_or(true, |h| h.mine()));
            """ + "\n" + ReverseBody + "    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.Rust, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task Nested_lists_are_compared_unordered_at_every_level()
    {
        const string code = """
            use std::collections::HashMap;
            impl Solution {
                pub fn group_anagrams(strs: Vec<String>) -> Vec<Vec<String>> {
                    let mut m: HashMap<Vec<char>, Vec<String>> = HashMap::new();
                    for s in strs {
                        let mut k: Vec<char> = s.chars().collect();
                        k.sort();
                        m.entry(k).or_default().push(s);
                    }
                    m.into_values().collect()
                }
            }
            """;
        var result = await fixture.JudgeAsync(Problems.Anagrams, LanguageId.Rust, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_in_place_grid_of_characters_is_judged_after_the_call()
    {
        const string code = """
            impl Solution {
                pub fn flip_grid(grid: &mut Vec<Vec<char>>) {
                    for row in grid.iter_mut() {
                        for c in row.iter_mut() {
                            *c = if *c == '1' { '0' } else { '1' };
                        }
                    }
                }
            }
            """;
        var result = await fixture.JudgeAsync(Islands, LanguageId.Rust, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task Integer_overflow_wraps_as_on_LeetCode_rather_than_panicking()
    {
        var result = await fixture.JudgeAsync(Product, LanguageId.Rust, "impl Solution {\n    pub fn product(a: i32, b: i32) -> i32 {\n        a * b\n    }\n}\n");
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("let m: std::collections::HashMap<i32, i32> = Default::default();\n        vec![*m.get(&target).unwrap()]", "called `Option::unwrap()` on a `None` value")]
    [InlineData("let c = std::cell::RefCell::new(1); let _a = c.borrow_mut();\n        let v = *c.borrow_mut(); vec![v]", "already")]
    [InlineData("let zero = nums.len() as i32 - nums.len() as i32;\n        vec![target / zero]", "attempt to divide by zero")]
    public async Task A_panic_is_a_runtime_error_with_its_message_and_the_candidates_line(string body, string message)
    {
        var code = "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        " + body + "\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Rust, code, JudgeMode.Run);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        var test = result.Tests[0];
        Assert.Contains(message, test.Error);
        Assert.Equal(4, test.ErrorLine);
        Assert.Contains("solution.rs:4", test.Error);
        // Every test still ran, in the same process: a panic unwinds back to the harness.
        Assert.Equal(2, result.Tests.Count(t => t.Verdict == Verdict.RuntimeError));
    }

    [Fact(Timeout = 60_000)]
    public async Task Runaway_recursion_is_a_runtime_error_not_a_memory_kill()
    {
        const string code = "impl Solution {\n    pub fn depth(n: i32) -> i32 {\n        let pad = std::hint::black_box([n; 64]);\n"
            + "        1 + Solution::depth(pad[3] + 1) + pad[5]\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.Depth, LanguageId.Rust, code);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Contains("overflowed its stack", result.Tests[0].Stderr ?? "");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_call_with_the_wrong_signature_is_a_compile_error_naming_the_candidates_line()
    {
        const string code = "impl Solution {\n    pub fn two_sum(nums: Vec<i64>, target: i32) -> Vec<i32> {\n        vec![0, 1]\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Rust, code);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("mismatched types", result.Compile!.Output);
        Assert.DoesNotContain("/box", result.Compile.Output);
        var missing = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Rust, "impl Solution {\n    pub fn twoSum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        vec![0, 1]\n    }\n}\n");
        Assert.Equal(Verdict.CompilationError, missing.Verdict);
        Assert.Contains("two_sum", missing.Compile!.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Printed_output_is_the_tests_own_stdout()
    {
        var code = Solutions.TwoSum[LanguageId.Rust].Replace("let mut seen", "println!(\"len {}\", nums.len());\n        let mut seen", StringComparison.Ordinal);
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Rust, code, JudgeMode.Run);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("len 4\n", result.Tests[0].Stdout);
        Assert.Equal("len 3\n", result.Tests[1].Stdout);
    }

    [Theory(Timeout = 120_000)]
    // Listed in std_instances.rs: the compile links the harness rlib's instance.
    [InlineData("i32", false)]
    // Not listed: instantiated in the candidate's crate, as without sharing (and proof that the probe sees local ones).
    [InlineData("u16", true)]
    public async Task A_HashMap_of_a_usual_type_is_linked_from_the_harness_not_compiled_again(string type, bool compiledHere)
    {
        var ct = TestContext.Current.CancellationToken;
        var code = "use std::collections::HashMap;\nimpl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n"
            + $"        let mut seen: HashMap<{type}, {type}> = HashMap::new();\n        seen.insert(nums[0] as {type}, target as {type});\n"
            + "        vec![seen.len() as i32, 0]\n    }\n}\n";
        var toolchain = new RustToolchain();
        var plan = await fixture.Services.GetRequiredService<PrebuiltArtifacts>()
            .MountAsync(toolchain, toolchain.Plan(Problems.TwoSum.Signature, code), ct);
        var sandbox = fixture.Services.GetRequiredService<ISandbox>();
        using var box = sandbox.CreateBox();
        foreach (var (name, contents) in plan.Files)
        {
            box.WriteFile(name, contents);
        }

        // The judge's own compile, which also lists the functions it generated code for.
        var outcome = await sandbox.RunAsync(JudgeEngine.CompileSpec(fixture.Services.GetRequiredService<IOptions<JudgeOptions>>().Value, plan,
            [.. plan.CompileCommand!, "-Z", "print-mono-items=yes"], box), ct);
        var items = Encoding.UTF8.GetString(outcome.Stdout);
        Assert.True(outcome.Succeeded, Encoding.UTF8.GetString(outcome.Stderr));
        Assert.Contains("MONO_ITEM fn Solution::two_sum", items);
        Assert.Equal(compiledHere, items.Contains($"hashbrown::map::HashMap::<{type}, {type}, std::hash::RandomState>::insert", StringComparison.Ordinal));
    }

    private static string Describe(JudgeResult result) =>
        result.Verdict + " " + (result.Compile?.Output ?? "") + " " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Error, t.Stderr, Actual = t.Actual?.ToJsonString() }), ContractJson.Options);
}
