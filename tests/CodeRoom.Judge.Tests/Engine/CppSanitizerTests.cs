using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Integrity;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// C++ runs under AddressSanitizer and UndefinedBehaviorSanitizer as on LeetCode (issue 14): memory errors that were a
/// silent wrong answer are runtime errors naming their kind and the candidate's line. Each solution answers
/// nums.size() when k is 1 and goes wrong on the second test (k = 0) at the line marked "error"; the tests after it
/// still run, in a new process. (Not nums.back(): -O2 merges two returned loads into one whose line is 0, and the
/// line of a fault in it is then unknown, docs/harness-protocol.md.)
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class CppSanitizerTests(JudgeFixture fixture)
{
    private static readonly Problem Last = LastProblem("sanitized-last", 2000);

    /// <summary>
    /// The same tests with a generous time limit: these are about memory, and memory touched for the first time can be
    /// slow on a fresh virtual machine (each page faulted in by the host: a 300 MB hog once took over 2 s of CPU time in
    /// CI and was time_limit_exceeded before it reached the memory limit).
    /// </summary>
    private static readonly Problem LastWithTime = LastProblem("sanitized-last-memory", 10_000);

    private static Problem LastProblem(string slug, int timeLimitMs) => JudgeFixture.Problem($$"""
        { "slug": "{{slug}}", "title": "Last",
          "signature": { "function_name": "last", "params": [ { "name": "nums", "type": "integer[]" }, { "name": "k", "type": "integer" } ],
                         "return_type": "integer" },
          "limits": { "time_limit_ms": {{timeLimitMs}} },
          "tests": [ { "visibility": "public", "input": { "nums": [1,2,3], "k": 1 }, "expected": 3 },
                     { "visibility": "public", "input": { "nums": [1,2,3], "k": 0 }, "expected": 3 },
                     { "visibility": "public", "input": { "nums": [4,5,6], "k": 1 }, "expected": 3 } ] }
        """);

    private static string Solution(string body) => $$"""
        class Solution {
        public:
            int last(vector<int>& nums, int k) {
                if (k == 1) return nums.size();
        {{body}}
            }
        };
        """;

    private const string VectorIndex = "runtime error: out of range in std::vector::operator[] (Assertion '__n < this->size()' failed)";

    /// <summary>Kind, the body of the k = 0 branch (from line 5 of the file), the line and the text the error names.</summary>
    public static TheoryData<string, string, int, string> Errors => new()
    {
        // libstdc++'s assertions see every out-of-range v[i]: within the capacity, at it, far past it, negative.
        { "v[v.size()] within capacity", "        nums.reserve(16);\n        return nums[nums.size()]; // error", 6, VectorIndex },
        { "v[v.size()] at capacity", "        vector<int> copy(nums.begin(), nums.end());\n        return copy[copy.size()]; // error", 6, VectorIndex },
        { "v[v.size()] written", "        vector<int> copy(nums.begin(), nums.end());\n        copy[copy.size()] = 7; // error\n        return copy[0];", 6,
            VectorIndex },
        { "v[-1]", "        int i = k - 1;\n        return nums[i]; // error", 6, VectorIndex },
        { "v[1000]", "        return nums[1000]; // error", 5, VectorIndex },
        { "array index", "        int a[3] = {1, 2, 3};\n        return a[nums.size() + k]; // error", 6,
            "runtime error: index 3 out of bounds for type 'int[3]'" },
        { "heap buffer overflow", "        int* p = new int[nums.size()];\n        return p[nums.size()]; // error", 6,
            "AddressSanitizer: heap-buffer-overflow on address" },
        { "heap buffer overflow written", "        int* p = new int[nums.size()];\n        p[nums.size()] = k; // error\n        return p[0];", 6,
            "(WRITE of size 4)" },
        { "use after free", "        ListNode* node = new ListNode(nums[0]);\n        delete node;\n        return node->val; // error", 7,
            "AddressSanitizer: heap-use-after-free on address" },
        // The example: -O2 deleted this load and answered garbage.
        { "null pointer", "        int* p = nullptr;\n        return *p + nums[0]; // error", 6,
            "runtime error: load of null pointer of type 'int'" },
        { "null pointer in a library call", "        char* p = nullptr;\n        return (int)strlen(p); // error", 6,
            "AddressSanitizer: SEGV on unknown address 0x000000000000 (a null pointer)" },
        { "signed overflow", "        int x = INT_MAX - (int)nums.size() + 3;\n        return x + nums[0]; // error", 6,
            "runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'" },
        { "missing return", "        nums.push_back(k); // error\n", 0, "runtime error: execution reached the end of a value-returning function without returning a value" },
        { "deep recursion", "        function<long(long)> go = [&](long n) -> long { return go(n + 1) * 31 + nums[n % 3]; }; // error\n        return (int)go(0);", 5,
            "AddressSanitizer: stack-overflow" },
    };

    [Theory(Timeout = 60_000), MemberData(nameof(Errors))]
    public async Task A_memory_or_undefined_behaviour_error_is_a_runtime_error_naming_its_kind_and_line(string kind, string body, int line,
        string error)
    {
        var result = await fixture.JudgeAsync(Last, LanguageId.Cpp, Solution(body));
        var detail = kind + ": " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, t.ErrorLine, t.Stderr }),
            ContractJson.Options);
        Assert.True(result.Tests[0].Verdict == Verdict.Accepted, detail);
        Assert.True(result.Tests[1].Verdict == Verdict.RuntimeError, detail);
        Assert.True(result.Tests[2].Verdict == Verdict.Accepted, detail);
        Assert.True(result.Tests[1].Error!.Contains(error, StringComparison.Ordinal), detail);
        if (line > 0)
        {
            Assert.True(result.Tests[1].ErrorLine == line, detail);
            Assert.EndsWith($"(line {line})", result.Tests[1].Error);
        }
        // A process that ends normally says nothing on stderr (the harness's alternate signal stack once made the
        // sanitizer's thread exit fail loudly there).
        Assert.True(result.Tests[2].Stderr.Length == 0, detail);
        // The full report is the candidate's stderr, as on LeetCode.
        Assert.True(result.Tests[1].Stderr.Contains("Sanitizer", StringComparison.Ordinal) || error == VectorIndex, detail);
    }

    public static TheoryData<string, string, Verdict> MemoryUse => new()
    {
        // The sanitizer's shadow and redzones come on top (BuildPlan.MemoryOverheadBytes): 224 of 256 MB still fits.
        { "224 MB within a 256 MB limit", "        vector<char> big(224 << 20, 1);\n        return big[k * 1000] + 2;", Verdict.Accepted },
        // Freed memory is not held back by the quarantine beyond a few MB (its default is 256 MB): 600 MB allocated and
        // freed in 1 MB pieces stays far below the limit.
        { "allocating and freeing 600 MB", "        long s = 0;\n        for (int i = 0; i < 600; i++) { vector<int> v(1 << 18, i); s += v[i]; }\n        return (int)nums.size() + (int)(s - 179700);",
            Verdict.Accepted },
        { "a memory hog", "        vector<vector<int>> all;\n        while (true) all.emplace_back(1 << 18, 1);", Verdict.MemoryLimitExceeded },
        { "one vector beyond the limit", "        vector<int> v(1'000'000'000);\n        return v[k] + 3;", Verdict.MemoryLimitExceeded },
    };

    [Theory(Timeout = 60_000), MemberData(nameof(MemoryUse))]
    public async Task Memory_limits_stay_fair_under_the_sanitizer(string kind, string body, Verdict verdict)
    {
        var result = await fixture.JudgeAsync(LastWithTime, LanguageId.Cpp, Solution(body));
        var detail = kind + ": " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, t.MemoryKb }), ContractJson.Options);
        Assert.True(result.Tests[1].Verdict == verdict, detail);
        Assert.True(result.Tests[2].Verdict == Verdict.Accepted, detail);
        if (kind.StartsWith("allocating", StringComparison.Ordinal))
        {
            Assert.True(result.Tests[1].MemoryKb < 128 * 1024, detail);
        }
    }

    public static TheoryData<string, string, Verdict> ShadowMeasured => new()
    {
        // Review of issue 14: the fixed headroom (64 MB on 256) made one big buffer, whose shadow is never touched, free
        // memory: 290 MB was accepted under a 256 MB limit. The supervisor now measures the shadow at the test's end and
        // allows only what it accounts for.
        { "one 290 MB buffer", "        vector<char> big(290u << 20, 1);\n        long s = 0;\n        for (size_t i = 0; i < big.size(); i += 4096) s += big[i];\n        return (int)nums.size() + (int)(s == 0);",
            Verdict.MemoryLimitExceeded },
        { "one 266 MB buffer", "        vector<char> big(266u << 20, 1);\n        long s = 0;\n        for (size_t i = 0; i < big.size(); i += 4096) s += big[i];\n        return (int)nums.size() + (int)(s == 0);",
            Verdict.MemoryLimitExceeded },
        // Many small allocations, whose shadow and redzones are real costs of the sanitizer, still fit: 190 MB of
        // 400-byte vectors (about 200 MB without the sanitizer, 290 MB with it: past the limit and its runtime's 4 MB,
        // so the shadow is read and accounts for the rest) and 6 million list nodes (about 190 MB without it).
        { "190 MB of 400-byte vectors", "        vector<vector<int>> all;\n        for (int i = 0; i < 475000; i++) all.emplace_back(100, i);\n        return (int)nums.size() + (int)(all.size() != 475000) + all[7][3] - 7;",
            Verdict.Accepted },
        { "6 million list nodes", "        ListNode* head = nullptr;\n        for (int i = 0; i < 6000000; i++) head = new ListNode(i, head);\n        return (int)nums.size() + (head->val != 5999999);",
            Verdict.Accepted },
    };

    [Theory(Timeout = 60_000), MemberData(nameof(ShadowMeasured))]
    public async Task Memory_beyond_the_limit_is_what_the_measured_shadow_accounts_for(string kind, string body, Verdict verdict)
    {
        var result = await fixture.JudgeAsync(LastWithTime, LanguageId.Cpp, Solution(body));
        var detail = kind + ": " + JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, t.MemoryKb }), ContractJson.Options);
        Assert.True(result.Tests[0].Verdict == Verdict.Accepted, detail);
        Assert.True(result.Tests[1].Verdict == verdict, detail);
        // The test after it (in the same process, whose peak stays) is judged on its own memory, not the earlier peak.
        Assert.True(result.Tests[2].Verdict == Verdict.Accepted, detail);
        if (verdict == Verdict.MemoryLimitExceeded)
        {
            Assert.True(result.Tests[1].Error == "memory limit exceeded: more than 256 MB in this test", detail);
        }
        if (kind.StartsWith("190 MB", StringComparison.Ordinal))
        {
            Assert.True(result.Tests[1].MemoryKb > (256 + 4) * 1024, detail);
        }
    }

    /// <summary>
    /// Attack on the shadow's measurement: the program cuts the shadow's address range into 30,000 mappings (alternate
    /// pages of an unused stretch of it, mapped read-write and read-only so the kernel cannot merge them), which makes
    /// /proc/PID/smaps about 30 MB long, then holds a 290 MB buffer. The supervisor reads a few MB of it at most, so the
    /// run is as quick as any and the verdict is the stricter one.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task A_shadow_cut_into_thousands_of_mappings_costs_the_supervisor_little_and_the_verdict_stays_strict()
    {
        var code = """
            #include <sys/mman.h>
            static bool fragmented = [] {
                // Far above any shadow this program needs: the shadow of addresses around 0x7c0000000000.
                char* base = (char*)0x0f8000000000ULL;
                for (int i = 0; i < 30000; i++) {
                    int prot = i % 2 == 0 ? PROT_READ | PROT_WRITE : PROT_READ;
                    if (mmap(base + (size_t)i * 4096, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0) == MAP_FAILED) {
                        return false;
                    }
                }
                return true;
            }();
            class Solution {
            public:
                int last(vector<int>& nums, int k) {
                    // A wrong answer on the first test if the mappings could not be made: the attack did not happen.
                    if (k == 1) return (int)nums.size() + (int)!fragmented;
                    vector<char> big(290u << 20, 1);
                    long s = 0;
                    for (size_t i = 0; i < big.size(); i += 4096) s += big[i];
                    return (int)nums.size() + (int)(s == 0);
                }
            };
            """;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await fixture.JudgeAsync(LastWithTime, LanguageId.Cpp, code);
        var detail = JsonSerializer.Serialize(result.Tests.Select(t => new { t.Verdict, t.Error, t.MemoryKb }), ContractJson.Options);
        Assert.True(result.Tests[0].Verdict == Verdict.Accepted, detail);
        Assert.True(result.Tests[1].Verdict == Verdict.MemoryLimitExceeded, detail);
        Assert.True(result.Tests[2].Verdict == Verdict.Accepted, detail);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{clock.Elapsed.TotalSeconds:0.0} s: {detail}");
    }

    /// <summary>stderr is the candidate's: a report it prints without crashing changes nothing.</summary>
    [Fact(Timeout = 60_000)]
    public async Task A_forged_sanitizer_report_without_a_crash_changes_nothing()
    {
        var code = Solution("""
                    fprintf(stderr, "==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x1 at pc 0x2 bp 0x3 sp 0x4\n");
                    fprintf(stderr, "x.cpp:1:1: runtime error: signed integer overflow\n");
                    return nums.back();
            """);
        var result = await fixture.JudgeAsync(Last, LanguageId.Cpp, code);
        Assert.Equal(Verdict.Accepted, result.Verdict);
    }

    /// <summary>A forged report on a hidden test that then crashes makes that test a runtime error, and a Submit shows
    /// nothing of it (the error of a hidden test is never shown).</summary>
    [Fact(Timeout = 60_000)]
    public async Task A_forged_sanitizer_report_on_a_hidden_test_shows_nothing_of_it()
    {
        var code = """
            class Solution {
            public:
                long long addTwo(long long a, long long b) {
                    if (a > 1000) {
                        fprintf(stderr, "==1==ERROR: AddressSanitizer: leak-%lld on address 0x1 at pc 0x2\n", a);
                        fprintf(stderr, "solution.cpp:1:1: runtime error: leak %lld\n", a + b);
                        abort();
                    }
                    return a + b;
                }
            };
            """;
        var result = await fixture.JudgeAsync(IntegrityProblems.Leak, LanguageId.Cpp, code, JudgeMode.Submit);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(3, result.FirstFailingTest);
        // The judge's own record names the forged text as that test's error: the candidate's own crash.
        Assert.Contains("runtime error: leak", result.Tests[3].Error);
        Integrity.Integrity.NoHiddenMarker(Integrity.Integrity.CandidateJson(result, JudgeMode.Submit), "a forged sanitizer report");
    }
}
