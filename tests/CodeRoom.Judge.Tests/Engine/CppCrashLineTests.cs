using System.Text.Json;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// C++ crashes name the candidate's line (docs/harness-protocol.md, crash locations): each solution below returns
/// nums.back() when k is 1 and crashes on the second test (k = 0) at the line marked "crash"; the verdict stays
/// runtime_error and the tests after it still run.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class CppCrashLineTests(JudgeFixture fixture)
{
    private static readonly Problem Last = JudgeFixture.Problem("""
        { "slug": "last", "title": "Last",
          "signature": { "function_name": "last", "params": [ { "name": "nums", "type": "integer[]" }, { "name": "k", "type": "integer" } ],
                         "return_type": "integer" },
          "limits": { "time_limit_ms": 2000 },
          "tests": [ { "visibility": "public", "input": { "nums": [1,2,3], "k": 1 }, "expected": 3 },
                     { "visibility": "public", "input": { "nums": [1,2,3], "k": 0 }, "expected": 3 },
                     { "visibility": "public", "input": { "nums": [4,5,6], "k": 1 }, "expected": 6 } ] }
        """);

    public static TheoryData<string, string, int, string> Crashes => new()
    {
        {
            "null pointer",
            """
            class Solution {
            public:
                int last(vector<int>& nums, int k) {
                    ListNode dummy, *tail = &dummy;
                    for (int x : nums) tail = tail->next = new ListNode(x);
                    ListNode* p = dummy.next;
                    for (int i = 0; i < (int)nums.size() - k; i++) p = p->next;
                    return p->val; // crash
                }
            };
            """,
            8, "runtime error: member access within null pointer of type 'ListNode'"
        },
        {
            "vector::at out of range",
            """
            class Solution {
            public:
                int last(vector<int>& nums, int k) {
                    size_t i = k == 0 ? 10 : nums.size() - 1;
                    return nums.at(i); // crash
                }
            };
            """,
            5, "out_of_range"
        },
        {
            "division by zero",
            """
            class Solution {
            public:
                int last(vector<int>& nums, int k) {
                    return nums[nums.size() / k - 1]; // crash
                }
            };
            """,
            4, "runtime error: division by zero"
        },
        {
            "stack overflow",
            """
            class Solution {
            public:
                long go(vector<int>& nums, long n) {
                    if (n < 0) return 0;
                    return go(nums, n + nums[n % nums.size()]) * 31 + n; // crash
                }
                int last(vector<int>& nums, int k) {
                    return k == 0 ? (int)go(nums, 0) : nums.back();
                }
            };
            """,
            5, "AddressSanitizer: stack-overflow"
        },
        {
            "failed assertion",
            """
            class Solution {
            public:
                int last(vector<int>& nums, int k) {
                    assert(k > 0); // crash
                    return nums.back();
                }
            };
            """,
            4, "SIGABRT"
        },
    };

    [Theory(Timeout = 60_000), MemberData(nameof(Crashes))]
    public async Task A_crash_names_the_candidates_line(string kind, string code, int line, string error)
    {
        var result = await fixture.JudgeAsync(Last, LanguageId.Cpp, code);
        var detail = kind + ": " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, t.ErrorLine }), ContractJson.Options);
        Assert.True(result.Verdict == Verdict.RuntimeError, detail);
        Assert.True(result.Tests[0].Verdict == Verdict.Accepted, detail);
        Assert.True(result.Tests[1].Verdict == Verdict.RuntimeError, detail);
        Assert.True(result.Tests[2].Verdict == Verdict.Accepted, detail);
        Assert.True(result.Tests[1].ErrorLine == line, detail);
        Assert.Contains(error, result.Tests[1].Error);
        Assert.EndsWith($"(line {line})", result.Tests[1].Error);
    }
}
