using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11 ("smaller"): a candidate class named like one of the harness's (CodeRoomHarness, ListNode) cannot replace
/// it, on a cold JVM (classes in /box) or a warm one (classes handed over in the header): the same code gets the same
/// verdict on both paths.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class JavaHarnessNameTests(JudgeFixture fixture)
{
    /// <summary>Judges the code once cold (a memory limit the warm pool has nothing for yet), then again until a run
    /// goes the warm way (the solution prints its class loader) or six runs were made; returns every verdict.</summary>
    private async Task<List<(Verdict Verdict, string Stdout, string Description)>> ColdThenWarmAsync(Problem problem, string code)
    {
        var runs = new List<(Verdict, string, string)>();
        for (var i = 0; i < 6; i++)
        {
            var result = await fixture.JudgeAsync(problem, LanguageId.Java, code, JudgeMode.Run);
            var stdout = string.Join("\n", result.Tests.Select(t => t.Stdout));
            var description = $"run {i}: {Integrity.Describe(result)} stdout: {stdout.Replace('\n', ' ')}";
            runs.Add((result.Verdict, stdout, description));
            TestContext.Current.SendDiagnosticMessage(description);
            if (i > 0 && stdout.Contains("loader ", StringComparison.Ordinal) && stdout != runs[0].Item2)
            {
                break; // a second path seen
            }
            await Task.Delay(1500, TestContext.Current.CancellationToken); // let the pool start a warm JVM
        }
        return runs;
    }

    [Fact(Timeout = 120_000)]
    public async Task A_candidate_class_named_CodeRoomHarness_gets_the_same_verdict_cold_and_warm()
    {
        const string code = """
            class Solution {
                public long addTwo(long a, long b) {
                    System.out.println("loader " + Solution.class.getClassLoader().getClass().getSimpleName());
                    return a + b;
                }
            }

            class CodeRoomHarness {
                public static void main(String[] args) {
                    System.out.println("the candidate's own harness ran");
                }
            }
            """;
        var runs = await ColdThenWarmAsync(IntegrityProblems.JavaPaths(304), code);
        var all = string.Join("\n", runs.Select(r => r.Description));
        Assert.All(runs, r => Assert.True(r.Verdict == Verdict.Accepted, all));
        Assert.All(runs, r => Assert.False(r.Stdout.Contains("the candidate's own harness ran", StringComparison.Ordinal), all));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_candidate_ListNode_as_LeetCode_comments_it_gets_the_same_verdict_cold_and_warm()
    {
        var problem = JudgeFixture.Problem("""
            { "slug": "integrity-reverse", "title": "Reverse",
              "signature": { "function_name": "reverseList", "params": [ { "name": "head", "type": "ListNode" } ], "return_type": "ListNode" },
              "limits": { "time_limit_ms": 2000, "memory_limit_mb": 296 },
              "tests": [ { "visibility": "public", "input": { "head": [1,2,3] }, "expected": [3,2,1] } ] }
            """);
        // LeetCode's own comment for this problem's older Java template: one constructor only.
        const string code = """
            class ListNode {
                int val;
                ListNode next;
                ListNode(int x) { val = x; }
            }

            class Solution {
                public ListNode reverseList(ListNode head) {
                    System.out.println("loader " + Solution.class.getClassLoader().getClass().getSimpleName());
                    ListNode prev = null;
                    while (head != null) { ListNode next = head.next; head.next = prev; prev = head; head = next; }
                    return prev;
                }
            }
            """;
        var runs = await ColdThenWarmAsync(problem, code);
        var all = string.Join("\n", runs.Select(r => r.Description));
        Assert.All(runs, r => Assert.True(r.Verdict == runs[0].Verdict, all));
        Assert.All(runs, r => Assert.True(r.Verdict == Verdict.Accepted, all));
    }
}
