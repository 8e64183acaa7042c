using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Small problems for the engine's tests.</summary>
internal static class Problems
{
    public static readonly Problem TwoSum = JudgeFixture.Problem("""
        { "slug": "two-sum", "title": "Two Sum",
          "signature": { "function_name": "twoSum", "params": [ { "name": "nums", "type": "integer[]" }, { "name": "target", "type": "integer" } ], "return_type": "integer[]" },
          "compare": { "mode": "unordered" },
          "limits": { "time_limit_ms": 500 },
          "tests": [
            { "visibility": "public", "input": { "nums": [2,7,11,15], "target": 9 }, "expected": [0,1] },
            { "visibility": "public", "input": { "nums": [3,2,4], "target": 6 }, "expected": [1,2] },
            { "visibility": "hidden", "input": { "nums": [3,3], "target": 6 }, "expected": [0,1], "category": "duplicates" },
            { "visibility": "hidden", "input": { "nums": [-1,-2,-3,-4,-5], "target": -8 }, "expected": [2,4], "category": "negatives" }
          ] }
        """);

    public static readonly Problem ReverseList = JudgeFixture.Problem("""
        { "slug": "reverse", "title": "Reverse",
          "signature": { "function_name": "reverseList", "params": [ { "name": "head", "type": "ListNode" } ], "return_type": "ListNode" },
          "tests": [ { "visibility": "public", "input": { "head": [1,2,3] }, "expected": [3,2,1] },
                     { "visibility": "hidden", "input": { "head": [] }, "expected": [] } ] }
        """);

    public static readonly Problem InvertTree = JudgeFixture.Problem("""
        { "slug": "invert", "title": "Invert",
          "signature": { "function_name": "invertTree", "params": [ { "name": "root", "type": "TreeNode" } ], "return_type": "TreeNode" },
          "tests": [ { "visibility": "public", "input": { "root": [4,2,7,1,3,6,9] }, "expected": [4,7,2,9,6,3,1] },
                     { "visibility": "public", "input": { "root": [1,null,2] }, "expected": [1,2] },
                     { "visibility": "hidden", "input": { "root": [] }, "expected": [] } ] }
        """);

    public static readonly Problem Anagrams = JudgeFixture.Problem("""
        { "slug": "anagrams", "title": "Anagrams",
          "signature": { "function_name": "groupAnagrams", "params": [ { "name": "strs", "type": "string[]" } ], "return_type": "list<list<string>>" },
          "compare": { "mode": "unordered_deep" },
          "tests": [ { "visibility": "public", "input": { "strs": ["eat","tea","tan","ate","nat","bat"] }, "expected": [["bat"],["nat","tan"],["ate","eat","tea"]] } ] }
        """);

    /// <summary>Two Sum with a 10 s time limit: a memory hog must reach the memory limit before the CPU limit, however
    /// slow first-touch page faults are on the host (a fresh VM's memory can cost several times more per page: C++'s
    /// hog under AddressSanitizer, 320 MB of cgroup, once took more than 2 s of CPU in CI).</summary>
    public static readonly Problem TwoSumRoomy = TwoSum with { Limits = TwoSum.Limits with { TimeLimitMs = 10_000 } };

    public static readonly Problem Rotate = JudgeFixture.Problem("""
        { "slug": "rotate-array", "title": "Rotate Array",
          "signature": { "function_name": "rotate", "params": [ { "name": "nums", "type": "integer[]" }, { "name": "k", "type": "integer" } ], "return_type": "void", "output_param": "nums" },
          "tests": [
            { "visibility": "public", "input": { "nums": [1,2,3,4,5,6,7], "k": 3 }, "expected": [5,6,7,1,2,3,4] },
            { "visibility": "hidden", "input": { "nums": [-1,-100,3,99], "k": 2 }, "expected": [3,99,-1,-100] }
          ] }
        """);

    public static readonly Problem Mean = JudgeFixture.Problem("""
        { "slug": "mean", "title": "Mean",
          "signature": { "function_name": "mean", "params": [ { "name": "xs", "type": "double[]" } ], "return_type": "double" },
          "compare": { "mode": "float", "abs_tol": 1e-6 },
          "tests": [
            { "visibility": "public", "input": { "xs": [0.1, 0.2, 0.3] }, "expected": 0.2 },
            { "visibility": "hidden", "input": { "xs": [1e9, 1, -1e9] }, "expected": 0.3333333333 }
          ] }
        """);

    /// <summary>Sum of a list, with a big input: 10^6 integers.</summary>
    /// <summary>A million integers in one test. The time limit is 4 s although every harness parses and sums them in
    /// 0.1-0.4 s of CPU: the test is about the harness's parsing and its memory, and memory touched for the first time
    /// can cost ten times more CPU on a VM whose free memory went back to the host (a local CI run once saw TypeScript's
    /// 0.1 s take more than 1 s, and Go's runaway recursion, which touches 64 MB of stack, more than 0.5 s).</summary>
    public static Problem BigSum()
    {
        var numbers = string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => (i % 2000) - 1000));
        var expected = Enumerable.Range(0, 1_000_000).Sum(i => (long)((i % 2000) - 1000));
        return JudgeFixture.Problem($$"""
            { "slug": "big-sum", "title": "Big Sum",
              "signature": { "function_name": "total", "params": [ { "name": "nums", "type": "integer[]" } ], "return_type": "long" },
              "limits": { "time_limit_ms": 4000 },
              "tests": [ { "visibility": "public", "input": { "nums": [{{numbers}}] }, "expected": {{expected}} } ] }
            """);
    }

    public static readonly Problem Depth = JudgeFixture.Problem("""
        { "slug": "depth", "title": "Recursion depth",
          "signature": { "function_name": "depth", "params": [ { "name": "n", "type": "integer" } ], "return_type": "integer" },
          "limits": { "time_limit_ms": 2000 },
          "tests": [ { "visibility": "public", "input": { "n": 100000 }, "expected": 100000 } ] }
        """);

    public static readonly Problem FirstChar = JudgeFixture.Problem("""
        { "slug": "first-char", "title": "First character",
          "signature": { "function_name": "firstChar", "params": [ { "name": "s", "type": "string" } ], "return_type": "character" },
          "tests": [ { "visibility": "public", "input": { "s": "héllo" }, "expected": "h" } ] }
        """);

    public static readonly Problem Product = JudgeFixture.Problem("""
        { "slug": "product", "title": "Product",
          "signature": { "function_name": "product", "params": [ { "name": "a", "type": "long" }, { "name": "b", "type": "long" } ], "return_type": "long" },
          "tests": [ { "visibility": "public", "input": { "a": 123456789, "b": 987654321 }, "expected": 121932631112635269 } ] }
        """);
}
