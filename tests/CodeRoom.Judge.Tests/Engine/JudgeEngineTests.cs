using System.Text.Json;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

[Collection(nameof(JudgeCollection))]
public sealed class JudgeEngineTests(JudgeFixture fixture)
{
    public static TheoryData<LanguageId> Languages =>
        [LanguageId.Python, LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.TypeScript, LanguageId.Go, LanguageId.Rust, LanguageId.CSharp];

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_correct_solution_is_accepted_on_every_test(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSum[language]);
        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Equal(4, result.Passed);
        Assert.Equal(4, result.Total);
        Assert.Null(result.FirstFailingTest);
        Assert.All(result.Tests, t => Assert.True(t.RuntimeMs is >= 0));
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task Run_mode_judges_the_public_tests_only(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSum[language], JudgeMode.Run);
        Assert.Equal(2, result.Total);
        Assert.All(result.Tests, t => Assert.Equal(TestVisibility.Public, t.Visibility));
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_wrong_solution_gets_wrong_answer_with_expected_and_actual(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumWrong[language]);
        Assert.Equal(Verdict.WrongAnswer, result.Verdict);
        Assert.Equal(1, result.FirstFailingTest);
        var failing = result.Tests[1];
        Assert.Equal("[0,0]", failing.Actual!.ToJsonString());
        Assert.Equal("[1,2]", failing.Expected!.ToJsonString());
        Assert.NotNull(failing.DiffPath);
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_crash_in_one_test_is_a_runtime_error_naming_the_line_and_the_other_tests_still_run(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumCrash[language]);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(2, result.FirstFailingTest);
        Assert.Equal(3, result.Passed);
        var crash = result.Tests[2];
        Assert.Equal(Verdict.RuntimeError, crash.Verdict);
        Assert.Equal(Verdict.Accepted, result.Tests[3].Verdict);
        Assert.NotNull(crash.Error);
        Assert.Equal(4, crash.ErrorLine);
        if (language == LanguageId.Cpp)
        {
            // The exception's type, and where it was thrown (symbolised after the run).
            Assert.Contains("out_of_range", crash.Error);
        }
        Assert.DoesNotContain("/box", crash.Error);
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task An_endless_loop_in_one_test_is_a_time_limit_and_the_other_tests_still_run(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumLoop[language]);
        Assert.Equal(Verdict.TimeLimitExceeded, result.Verdict);
        Assert.Equal(2, result.FirstFailingTest);
        Assert.Equal(Verdict.TimeLimitExceeded, result.Tests[2].Verdict);
        Assert.Equal(Verdict.Accepted, result.Tests[3].Verdict);
        Assert.InRange(result.Tests[2].CpuMs ?? 0, 500, 800);
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_memory_hog_gets_memory_limit_exceeded_not_a_runtime_error(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSumRoomy, language, Solutions.TwoSumMemory[language]);
        Assert.Equal(Verdict.MemoryLimitExceeded, result.Verdict);
        Assert.Equal(2, result.FirstFailingTest);
        Assert.Equal(Verdict.Accepted, result.Tests[3].Verdict);
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_compile_error_names_the_line_in_the_candidates_code(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.CompileError[language]);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.NotNull(result.Compile);
        Assert.False(result.Compile!.Ok);
        Assert.DoesNotContain("/box", result.Compile.Output);
        Assert.Contains(language switch
        {
            LanguageId.Python or LanguageId.JavaScript => "line 3",
            LanguageId.Java => "Solution.java:3",
            LanguageId.TypeScript => "Line 3: Char 5: error TS2322",
            LanguageId.Go => "solution.go:3:12: cannot use \"[0, 1]\"",
            LanguageId.Rust => "solution.rs:3:",
            LanguageId.CSharp => "Line 3: Char 34: error CS1002: ; expected (in Solution.cs)",
            _ => "solution.cpp:4",
        }, result.Compile.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cpp_function_declared_but_never_defined_is_a_compile_error_naming_it()
    {
        const string code = "int helper(int x);\nclass Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n"
            + "        return {helper(0), 1};\n    }\n};\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Cpp, code);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        // The line tables let the linker name the candidate's line of the call.
        Assert.Contains("solution.cpp:5: error: undefined reference to 'helper(int)'", result.Compile!.Output);
        Assert.DoesNotContain("main.o", result.Compile.Output);
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task An_in_place_problem_judges_the_output_parameter(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.Rotate, language, Solutions.Rotate[language]);
        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Equal("[5,6,7,1,2,3,4]", result.Tests[0].Actual!.ToJsonString());
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task A_float_result_is_judged_within_tolerance(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.Mean, language, Solutions.Mean[language]);
        Assert.Equal(Verdict.Accepted, result.Verdict);
    }

    [Fact(Timeout = 60_000)]
    public async Task Java_code_that_walks_list_nodes_works_in_a_cold_and_in_a_warm_jvm()
    {
        var problem = JudgeFixture.Problem("""
            { "slug": "reverse", "title": "Reverse",
              "signature": { "function_name": "reverseList", "params": [ { "name": "head", "type": "ListNode" } ], "return_type": "ListNode" },
              "tests": [ { "visibility": "public", "input": { "head": [1,2,3] }, "expected": [3,2,1] },
                         { "visibility": "hidden", "input": { "head": [] }, "expected": [] } ] }
            """);
        const string code = """
            class Solution {
                public ListNode reverseList(ListNode head) {
                    ListNode prev = null;
                    while (head != null) { ListNode next = head.next; head.next = prev; prev = head; head = next; }
                    return prev == null ? null : new ListNode(prev.val, prev.next);
                }
            }
            """;
        for (var i = 0; i < 3; i++)
        {
            var result = await fixture.JudgeAsync(problem, LanguageId.Java, code);
            Assert.True(result.Verdict == Verdict.Accepted, $"run {i}: {result.Verdict} {(result.Tests.Count > 0 ? result.Tests[0].Error : "")}");
            await Task.Delay(1500, TestContext.Current.CancellationToken); // let the pool start a warm JVM
        }
    }

    [Theory(Timeout = 60_000), MemberData(nameof(Languages))]
    public async Task Recursion_one_hundred_thousand_deep_works(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.Depth, language, Solutions.Depth[language]);
        Assert.True(result.Verdict == Verdict.Accepted, JsonSerializer.Serialize(result.Tests, ContractJson.Options));
    }

    [Theory(Timeout = 120_000), MemberData(nameof(Languages))]
    public async Task A_million_integers_are_parsed_and_judged(LanguageId language)
    {
        var result = await fixture.JudgeAsync(Problems.BigSum(), language, Solutions.BigSum[language]);
        Assert.True(result.Verdict == Verdict.Accepted, JsonSerializer.Serialize(result.Tests.Select(t => t.Error), ContractJson.Options));
        // The harness's own cost is charged to the candidate: reading the input must not take a large share of a
        // problem's memory limit. Measured (MB): Python 58, Java 51, C++ 32, Rust 9, Go 43, JavaScript 57, C# 63;
        // Go and C# took 181 and 144 MB before their harnesses stopped building a JSON tree of every number.
        Assert.True(result.Tests[0].MemoryKb < 96 * 1024, $"{language}: {result.Tests[0].MemoryKb} KB to sum 10^6 integers");
        TestContext.Current.SendDiagnosticMessage($"{language}: 10^6 integers judged in {result.WallMs:0} ms wall (compile included)");
    }

    [Theory(Timeout = 120_000), MemberData(nameof(Languages))]
    public async Task The_same_code_gives_the_same_results_every_time(LanguageId language)
    {
        var first = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumCrash[language]);
        var second = await fixture.JudgeAsync(Problems.TwoSum, language, Solutions.TwoSumCrash[language]);
        static string Stable(JudgeResult r) => JsonSerializer.Serialize(
            r.Tests.Select(t => new { t.Verdict, Actual = t.Actual?.ToJsonString(), t.Error, t.Stdout }), ContractJson.Options);
        Assert.Equal(Stable(first), Stable(second));
        Assert.Equal(first.Verdict, second.Verdict);
    }
}
