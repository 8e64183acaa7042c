using System.Text.Json;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Go as LeetCode users write it: the node types, comparison modes, byte for character, int64 for long,
/// automatic imports (merged with the candidate's own and a package clause of its own), gods, goroutines, and the
/// runtime's fatal errors as verdicts.</summary>
[Collection(nameof(JudgeCollection))]
public sealed class GoLanguageTests(JudgeFixture fixture)
{
    [Fact(Timeout = 60_000)]
    public async Task A_list_node_problem_builds_and_reads_back_lists()
    {
        const string code = "func reverseList(head *ListNode) *ListNode {\n    var prev *ListNode\n    for head != nil {\n"
            + "        prev = &ListNode{Val: head.Val, Next: prev}\n        head = head.Next\n    }\n    return prev\n}\n";
        var result = await fixture.JudgeAsync(Problems.ReverseList, LanguageId.Go, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[3,2,1]", result.Tests[0].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_tree_node_problem_reads_back_level_order_without_trailing_nulls()
    {
        const string code = "func invertTree(root *TreeNode) *TreeNode {\n    if root == nil {\n        return nil\n    }\n"
            + "    root.Left, root.Right = invertTree(root.Right), invertTree(root.Left)\n    return root\n}\n";
        var result = await fixture.JudgeAsync(Problems.InvertTree, LanguageId.Go, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
        Assert.Equal("[1,2]", result.Tests[1].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Unordered_deep_comparison_accepts_groups_in_any_order_with_automatic_imports()
    {
        const string code = """
            func groupAnagrams(strs []string) [][]string {
                groups := map[string][]string{}
                for _, s := range strs {
                    b := []byte(s)
                    slices.Sort(b)
                    groups[string(b)] = append(groups[string(b)], s)
                }
                return slices.Collect(maps.Values(groups))
            }
            """;
        var result = await fixture.JudgeAsync(Problems.Anagrams, LanguageId.Go, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_character_is_a_byte_and_a_long_is_an_int64()
    {
        var first = await fixture.JudgeAsync(Problems.FirstChar, LanguageId.Go, "func firstChar(s string) byte {\n    return s[0]\n}\n");
        Assert.True(first.Verdict == Verdict.Accepted, Describe(first));
        var product = await fixture.JudgeAsync(Problems.Product, LanguageId.Go, "func product(a int64, b int64) int64 {\n    return a * b\n}\n");
        Assert.True(product.Verdict == Verdict.Accepted, Describe(product));
        Assert.Equal("121932631112635269", product.Tests[0].Actual!.ToJsonString());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_candidates_package_clause_and_imports_are_merged_with_ours_and_lines_stay_the_candidates()
    {
        const string code = """
            package main

            import (
                "fmt"
                "sort"
            )

            func twoSum(nums []int, target int) []int {
                fmt.Println("debug", strings.Repeat("x", 2))
                idx := make([]int, len(nums))
                for i := range idx { idx[i] = i }
                sort.Slice(idx, func(a, b int) bool { return nums[idx[a]] < nums[idx[b]] })
                if nums[0] == -1 { var m map[string]int; m["x"] = 1 }
                for i, j := 0, len(idx)-1; i < j; {
                    s := nums[idx[i]] + nums[idx[j]]
                    if s == target { return []int{idx[i], idx[j]} }
                    if s < target { i++ } else { j-- }
                }
                return nil
            }
            """;
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Go, code);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(3, result.FirstFailingTest);
        Assert.Equal("debug xx\n", result.Tests[0].Stdout);
        var crash = result.Tests[3];
        Assert.Contains("assignment to entry in nil map", crash.Error, StringComparison.Ordinal);
        Assert.Equal(13, crash.ErrorLine);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_panic_reports_its_value_as_fmt_prints_it_and_the_candidates_line_without_fmt_in_the_harness()
    {
        // The harness imports neither fmt nor reflect (they cost every link ~15 ms): the values solutions panic with
        // are printed as fmt would print them, and any other value says so, with its line.
        const string code = """
            type point struct{ x, y int }

            func twoSum(nums []int, target int) []int {
                switch len(nums) {
                case 4:
                    panic("no pair for " + strconv.Itoa(target))
                case 3:
                    panic(errors.New("bad input"))
                case 2:
                    panic(target * 7)
                }
                panic(point{1, 2})
            }
            """;
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Go, code, JudgeMode.Submit);
        Assert.All(result.Tests, t => Assert.Equal(Verdict.RuntimeError, t.Verdict));
        Assert.Equal(["panic: no pair for 9 (line 6)", "panic: bad input (line 8)", "panic: 42 (line 10)"],
            result.Tests.Take(3).Select(t => t.Error));
        Assert.Equal([6, 8, 10, 12], result.Tests.Select(t => t.ErrorLine));
        Assert.StartsWith("panic: a value of a type the judge does not print", result.Tests[3].Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_compile_error_after_the_candidates_package_clause_names_the_candidates_line()
    {
        const string code = "package main\n\nfunc twoSum(nums []int, target int) []int {\n    x := 1\n    return nil\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Go, code);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("solution.go:4:5: declared and not used: x", result.Compile!.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("imported and not used", result.Compile.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Gods_and_goroutines_work_as_on_LeetCode()
    {
        const string code = """
            import "github.com/emirpasic/gods/trees/redblacktree"

            func twoSum(nums []int, target int) []int {
                tree := redblacktree.NewWithIntComparator()
                done := make(chan []int)
                go func() {
                    for i, x := range nums {
                        if j, ok := tree.Get(target - x); ok {
                            done <- []int{j.(int), i}
                            return
                        }
                        tree.Put(x, i)
                    }
                    done <- nil
                }()
                var wg sync.WaitGroup
                wg.Add(1)
                go func() { defer wg.Done() }()
                wg.Wait()
                return <-done
            }
            """;
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Go, code);
        Assert.True(result.Verdict == Verdict.Accepted, Describe(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task Runaway_recursion_and_a_deadlock_are_runtime_errors()
    {
        // Roomy: growing the stack to its 64 MB limit touches that much fresh memory (0.14 s of CPU here, more than 0.5 s
        // once on a VM whose free memory had gone back to the host); the verdict, not the speed, is under test.
        var overflow = await fixture.JudgeAsync(Problems.TwoSumRoomy, LanguageId.Go,
            "func twoSum(nums []int, target int) []int {\n    return twoSum(nums, target+1)\n}\n");
        Assert.Equal(Verdict.RuntimeError, overflow.Verdict);
        var deadlock = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Go,
            "func twoSum(nums []int, target int) []int {\n    c := make(chan []int)\n    return <-c\n}\n");
        Assert.Equal(Verdict.RuntimeError, deadlock.Verdict);
    }

    private static string Describe(JudgeResult result) =>
        $"{result.Verdict} {result.Compile?.Output}\n" + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, Actual = t.Actual?.ToJsonString() }), ContractJson.Options);
}
