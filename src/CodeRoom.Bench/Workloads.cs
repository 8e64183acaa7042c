using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeRoom.Bench;

/// <summary>The code the bench sends and runs. Everything here is written by us, never by a candidate: the bare
/// toolchain runs execute it outside the sandbox, which is fine for a benchmark and only for a benchmark.</summary>
internal static class Workloads
{
    public const string TwoSumSlug = "bench-two-sum";
    public static readonly string[] Languages = ["python", "java", "cpp", "javascript", "typescript", "go", "rust", "csharp"];

    /// <summary>The "trivial solution to a 3-test problem": two-sum with three public tests (Run only sees
    /// public tests).</summary>
    public static JsonObject TwoSumProblem() => new()
    {
        ["slug"] = TwoSumSlug,
        ["title"] = "Bench: Two Sum",
        ["difficulty"] = "easy",
        ["statement_md"] = "Benchmark problem (issue 7): return the indices of the two numbers that add up to `target`.",
        ["constraints_md"] = "- exactly one solution",
        ["signature"] = new JsonObject
        {
            ["function_name"] = "twoSum",
            ["params"] = new JsonArray(
                new JsonObject { ["name"] = "nums", ["type"] = "integer[]" },
                new JsonObject { ["name"] = "target", ["type"] = "integer" }),
            ["return_type"] = "integer[]",
        },
        ["compare"] = new JsonObject { ["mode"] = "exact" },
        ["limits"] = new JsonObject { ["time_limit_ms"] = 2000, ["memory_limit_mb"] = 256 },
        ["tests"] = new JsonArray(
            Test(new JsonObject { ["nums"] = new JsonArray(2, 7, 11, 15), ["target"] = 9 }, new JsonArray(0, 1)),
            Test(new JsonObject { ["nums"] = new JsonArray(3, 2, 4), ["target"] = 6 }, new JsonArray(1, 2)),
            Test(new JsonObject { ["nums"] = new JsonArray(3, 3), ["target"] = 6 }, new JsonArray(0, 1))),
    };

    private static JsonObject Test(JsonObject input, JsonNode expected) =>
        new() { ["visibility"] = "public", ["input"] = input, ["expected"] = expected };

    /// <summary>The candidate's code as sent to Run. <paramref name="tag"/> goes into a comment: a new tag is new
    /// source, so the compile cache misses; the same tag hits it.</summary>
    public static string TwoSum(string language, string tag) => language switch
    {
        "python" => $$"""
            class Solution:
                def twoSum(self, nums: List[int], target: int) -> List[int]:
                    # bench {{tag}}
                    seen = {}
                    for i, x in enumerate(nums):
                        if target - x in seen:
                            return [seen[target - x], i]
                        seen[x] = i
                    return []

            """,
        "java" => $$"""
            class Solution {
                public int[] twoSum(int[] nums, int target) {
                    // bench {{tag}}
                    Map<Integer, Integer> seen = new HashMap<>();
                    for (int i = 0; i < nums.length; i++) {
                        Integer j = seen.get(target - nums[i]);
                        if (j != null) return new int[] { j, i };
                        seen.put(nums[i], i);
                    }
                    return new int[0];
                }
            }

            """,
        "cpp" => $$"""
            class Solution {
            public:
                vector<int> twoSum(vector<int>& nums, int target) {
                    // bench {{tag}}
                    unordered_map<int, int> seen;
                    for (int i = 0; i < (int)nums.size(); i++) {
                        auto it = seen.find(target - nums[i]);
                        if (it != seen.end()) return {it->second, i};
                        seen[nums[i]] = i;
                    }
                    return {};
                }
            };

            """,
        "javascript" => $$"""
            var twoSum = function(nums, target) {
                // bench {{tag}}
                const seen = new Map();
                for (let i = 0; i < nums.length; i++) {
                    const j = seen.get(target - nums[i]);
                    if (j !== undefined) return [j, i];
                    seen.set(nums[i], i);
                }
                return [];
            };

            """,
        "typescript" => $$"""
            function twoSum(nums: number[], target: number): number[] {
                // bench {{tag}}
                const seen = new Map<number, number>();
                for (let i = 0; i < nums.length; i++) {
                    const j = seen.get(target - nums[i]);
                    if (j !== undefined) return [j, i];
                    seen.set(nums[i], i);
                }
                return [];
            }

            """,
        "go" => $$"""
            func twoSum(nums []int, target int) []int {
                // bench {{tag}}
                seen := map[int]int{}
                for i, x := range nums {
                    if j, ok := seen[target-x]; ok {
                        return []int{j, i}
                    }
                    seen[x] = i
                }
                return nil
            }

            """,
        "rust" => $$"""
            use std::collections::HashMap;

            impl Solution {
                pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
                    // bench {{tag}}
                    let mut seen = HashMap::new();
                    for (i, &x) in nums.iter().enumerate() {
                        if let Some(&j) = seen.get(&(target - x)) {
                            return vec![j, i as i32];
                        }
                        seen.insert(x, i as i32);
                    }
                    vec![]
                }
            }

            """,
        "csharp" => $$"""
            public class Solution {
                public int[] TwoSum(int[] nums, int target) {
                    // bench {{tag}}
                    var seen = new Dictionary<int, int>();
                    for (int i = 0; i < nums.Length; i++) {
                        if (seen.TryGetValue(target - nums[i], out int j)) return new int[] { j, i };
                        seen[nums[i]] = i;
                    }
                    return new int[0];
                }
            }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>The same code as a standalone program running the same three tests: what a candidate would type
    /// at a terminal. The implicit imports the judge supplies (typing, java.util, bits/stdc++) are spelled out.</summary>
    public static string TwoSumBare(string language, string tag) => language switch
    {
        "python" => "from typing import *\n\n" + TwoSum("python", tag) + """

            for nums, target in (([2, 7, 11, 15], 9), ([3, 2, 4], 6), ([3, 3], 6)):
                print(Solution().twoSum(nums, target))

            """,
        "java" => "import java.util.*;\n\n" + TwoSum("java", tag) + """

            public class Main {
                public static void main(String[] args) {
                    System.out.println(Arrays.toString(new Solution().twoSum(new int[] { 2, 7, 11, 15 }, 9)));
                    System.out.println(Arrays.toString(new Solution().twoSum(new int[] { 3, 2, 4 }, 6)));
                    System.out.println(Arrays.toString(new Solution().twoSum(new int[] { 3, 3 }, 6)));
                }
            }

            """,
        "cpp" => "#include <bits/stdc++.h>\nusing namespace std;\n\n" + TwoSum("cpp", tag) + """

            int main() {
                vector<pair<vector<int>, int>> tests = {{{2, 7, 11, 15}, 9}, {{3, 2, 4}, 6}, {{3, 3}, 6}};
                for (auto& [nums, target] : tests) {
                    auto r = Solution().twoSum(nums, target);
                    printf("[%d, %d]\n", r[0], r[1]);
                }
            }

            """,
        "javascript" or "typescript" => TwoSum(language, tag) + """

            for (const [nums, target] of [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6]] as const) {
                console.log(twoSum([...nums], target));
            }

            """.Replace(" as const", language == "javascript" ? "" : " as [number[], number][]", StringComparison.Ordinal),
        "go" => "package main\n\nimport \"fmt\"\n\n" + TwoSum("go", tag) + """

            func main() {
                fmt.Println(twoSum([]int{2, 7, 11, 15}, 9))
                fmt.Println(twoSum([]int{3, 2, 4}, 6))
                fmt.Println(twoSum([]int{3, 3}, 6))
            }

            """,
        "rust" => "struct Solution;\n\n" + TwoSum("rust", tag) + """

            fn main() {
                for (nums, target) in [(vec![2, 7, 11, 15], 9), (vec![3, 2, 4], 6), (vec![3, 3], 6)] {
                    println!("{:?}", Solution::two_sum(nums, target));
                }
            }

            """,
        // A file-based app (.NET 10's `dotnet run file.cs`): top-level statements come before the class.
        "csharp" => """
            using System;
            using System.Collections.Generic;

            foreach (var (nums, target) in new[] { (new[] { 2, 7, 11, 15 }, 9), (new[] { 3, 2, 4 }, 6), (new[] { 3, 3 }, 6) }) {
                Console.WriteLine(string.Join(", ", new Solution().TwoSum(nums, target)));
            }

            """ + TwoSum("csharp", tag),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static string SpinSlug(string language) => "bench-spin-" + language;

    /// <summary>Fairness: one CPU-bound test, n calibrated so the call takes about 200 ms bare.</summary>
    public static JsonObject SpinProblem(string language, long n, long expected) => new()
    {
        ["slug"] = SpinSlug(language),
        ["title"] = "Bench: spin (" + language + ")",
        ["difficulty"] = "easy",
        ["statement_md"] = "Benchmark problem (issue 7): a CPU-bound loop, to compare reported runtime with a bare run.",
        ["constraints_md"] = "- 1 <= n",
        ["signature"] = new JsonObject
        {
            ["function_name"] = "spin",
            ["params"] = new JsonArray(new JsonObject { ["name"] = "n", ["type"] = "integer" }),
            ["return_type"] = "long",
        },
        ["compare"] = new JsonObject { ["mode"] = "exact" },
        ["limits"] = new JsonObject { ["time_limit_ms"] = 5000, ["memory_limit_mb"] = 256 },
        ["tests"] = new JsonArray(Test(new JsonObject { ["n"] = n }, JsonValue.Create(expected))),
    };

    public static string Spin(string language) => language switch
    {
        "python" => """
            class Solution:
                def spin(self, n: int) -> int:
                    x = 0
                    for i in range(n):
                        x = (x * 31 + i) % 1000003
                    return x

            """,
        "java" => """
            class Solution {
                public long spin(int n) {
                    long x = 0;
                    for (int i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
                    return x;
                }
            }

            """,
        "cpp" => """
            class Solution {
            public:
                long long spin(int n) {
                    long long x = 0;
                    for (int i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
                    return x;
                }
            };

            """,
        "javascript" => """
            var spin = function(n) {
                let x = 0;
                for (let i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
                return x;
            };

            """,
        "typescript" => """
            function spin(n: number): number {
                let x = 0;
                for (let i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
                return x;
            }

            """,
        "rust" => """
            impl Solution {
                pub fn spin(n: i32) -> i64 {
                    let mut x: i64 = 0;
                    for i in 0..n as i64 {
                        x = (x * 31 + i) % 1000003;
                    }
                    x
                }
            }

            """,
        "go" => """
            func spin(n int) int64 {
                var x int64
                for i := 0; i < n; i++ {
                    x = (x*31 + int64(i)) % 1000003
                }
                return x
            }

            """,
        "csharp" => """
            public class Solution {
                public long Spin(int n) {
                    long x = 0;
                    for (int i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
                    return x;
                }
            }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>Bare spin driver: prints the value, the call's wall time (the same clock the harness reports as
    /// runtime_ms) and the process CPU time spent in the call, in ms.</summary>
    public static string SpinBare(string language) => language switch
    {
        "python" => "import sys, time\nfrom typing import *\n\n" + Spin("python") + """

            n = int(sys.argv[1])
            s = Solution()
            c0 = time.process_time(); t0 = time.perf_counter()
            v = s.spin(n)
            t1 = time.perf_counter(); c1 = time.process_time()
            print(v, (t1 - t0) * 1000.0, (c1 - c0) * 1000.0)

            """,
        "java" => "import java.util.*;\n\n" + Spin("java") + """

            public class Main {
                public static void main(String[] args) {
                    int n = Integer.parseInt(args[0]);
                    Solution s = new Solution();
                    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
                    long c0 = bean.getCurrentThreadCpuTime(); long t0 = System.nanoTime();
                    long v = s.spin(n);
                    long t1 = System.nanoTime(); long c1 = bean.getCurrentThreadCpuTime();
                    System.out.println(v + " " + (t1 - t0) / 1e6 + " " + (c1 - c0) / 1e6);
                }
            }

            """,
        "cpp" => "#include <bits/stdc++.h>\n#include <time.h>\nusing namespace std;\n\n" + Spin("cpp") + """

            static double cpu_ms() { timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
            int main(int argc, char** argv) {
                int n = atoi(argv[1]);
                Solution s;
                double c0 = cpu_ms(); auto t0 = chrono::steady_clock::now();
                long long v = s.spin(n);
                auto t1 = chrono::steady_clock::now(); double c1 = cpu_ms();
                printf("%lld %.3f %.3f\n", v, chrono::duration<double, milli>(t1 - t0).count(), c1 - c0);
            }

            """,
        "javascript" or "typescript" => Spin(language) + """

            const n = parseInt(process.argv[2], 10);
            const c0 = process.cpuUsage();
            const t0 = process.hrtime.bigint();
            const v = spin(n);
            const t1 = process.hrtime.bigint();
            const c1 = process.cpuUsage(c0);
            console.log(v, Number(t1 - t0) / 1e6, (c1.user + c1.system) / 1e3);

            """,
        "rust" => "struct Solution;\n\n" + Spin("rust") + """

            extern "C" {
                fn clock_gettime(clock: i32, time: *mut [i64; 2]) -> i32;
            }

            fn cpu_ms() -> f64 {
                let mut t = [0i64; 2];
                unsafe { clock_gettime(2, &mut t) };
                t[0] as f64 * 1e3 + t[1] as f64 / 1e6
            }

            fn main() {
                let n: i32 = std::env::args().nth(1).unwrap().parse().unwrap();
                let c0 = cpu_ms();
                let t0 = std::time::Instant::now();
                let v = Solution::spin(n);
                let wall = t0.elapsed().as_secs_f64() * 1e3;
                println!("{} {} {}", v, wall, cpu_ms() - c0);
            }

            """,
        "go" => "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strconv\"\n\t\"syscall\"\n\t\"time\"\n)\n\n" + Spin("go") + """

            func cpuMs() float64 {
                var r syscall.Rusage
                syscall.Getrusage(syscall.RUSAGE_SELF, &r)
                return float64(r.Utime.Nano()+r.Stime.Nano()) / 1e6
            }

            func main() {
                n, _ := strconv.Atoi(os.Args[1])
                c0 := cpuMs()
                t0 := time.Now()
                v := spin(n)
                wall := float64(time.Since(t0).Nanoseconds()) / 1e6
                fmt.Println(v, wall, cpuMs()-c0)
            }

            """,
        "csharp" => """
            using System;
            using System.Diagnostics;

            int n = int.Parse(args[0]);
            var s = new Solution();
            var c0 = Process.GetCurrentProcess().TotalProcessorTime; long t0 = Stopwatch.GetTimestamp();
            long v = s.Spin(n);
            var wall = Stopwatch.GetElapsedTime(t0); var c1 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine(v + " " + wall.TotalMilliseconds + " " + (c1 - c0).TotalMilliseconds);

            """ + Spin("csharp"),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static string Tag(string mode, int i) => mode + "-" + i.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}
