using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Candidate code as a LeetCode user writes it, per language.</summary>
internal static partial class Solutions
{
    public static readonly Dictionary<LanguageId, string> TwoSum = new()
    {
        [LanguageId.JavaScript] = """
            var twoSum = function(nums, target) {
                const seen = new Map();
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
                return [];
            };
            """,
        [LanguageId.TypeScript] = """
            function twoSum(nums: number[], target: number): number[] {
                const seen = new Map<number, number>();
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
                return [];
            }
            """,
        [LanguageId.Python] = """
            class Solution:
                def twoSum(self, nums: List[int], target: int) -> List[int]:
                    seen = {}
                    for i, x in enumerate(nums):
                        if target - x in seen:
                            return [seen[target - x], i]
                        seen[x] = i
            """,
        [LanguageId.Java] = """
            class Solution {
                public int[] twoSum(int[] nums, int target) {
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
        [LanguageId.Cpp] = """
            class Solution {
            public:
                vector<int> twoSum(vector<int>& nums, int target) {
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
    };

    /// <summary>Returns the first pair found by a wrong scan (j starts at i, so x+x counts): wrong on [3,2,4].</summary>
    public static readonly Dictionary<LanguageId, string> TwoSumWrong = new()
    {
        [LanguageId.JavaScript] = """
            var twoSum = function(nums, target) {
                for (let i = 0; i < nums.length; i++)
                    for (let j = i; j < nums.length; j++)
                        if (nums[i] + nums[j] === target) return [i, j];
                return [];
            };
            """,
        [LanguageId.TypeScript] = """
            function twoSum(nums: number[], target: number): number[] {
                for (let i = 0; i < nums.length; i++)
                    for (let j = i; j < nums.length; j++)
                        if (nums[i] + nums[j] === target) return [i, j];
                return [];
            }
            """,
        [LanguageId.Python] = """
            class Solution:
                def twoSum(self, nums, target):
                    for i in range(len(nums)):
                        for j in range(i, len(nums)):
                            if nums[i] + nums[j] == target:
                                return [i, j]
            """,
        [LanguageId.Java] = """
            class Solution {
                public int[] twoSum(int[] nums, int target) {
                    for (int i = 0; i < nums.length; i++)
                        for (int j = i; j < nums.length; j++)
                            if (nums[i] + nums[j] == target) return new int[] { i, j };
                    return new int[0];
                }
            }
            """,
        [LanguageId.Cpp] = """
            class Solution {
            public:
                vector<int> twoSum(vector<int>& nums, int target) {
                    for (int i = 0; i < (int)nums.size(); i++)
                        for (int j = i; j < (int)nums.size(); j++)
                            if (nums[i] + nums[j] == target) return {i, j};
                    return {};
                }
            };
            """,
    };

    /// <summary>Crashes on the third test (line 4 of the candidate's code): an index past the end.</summary>
    public static readonly Dictionary<LanguageId, string> TwoSumCrash = new()
    {
        [LanguageId.JavaScript] = """
            var twoSum = function(nums, target) {
                const seen = new Map();
                if (nums[0] === nums[1]) {
                    return [nums[10].value, 0];
                }
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
            };
            """,
        [LanguageId.TypeScript] = """
            function twoSum(nums: number[], target: number): number[] {
                const seen = new Map<number, number>();
                if (nums[0] === nums[1]) {
                    return [(nums as any)[10].value, 0];
                }
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
            }
            """,
        [LanguageId.Python] = """
            class Solution:
                def twoSum(self, nums, target):
                    if nums[0] == nums[1]:
                        return [nums[10], 0]
                    seen = {}
                    for i, x in enumerate(nums):
                        if target - x in seen:
                            return [seen[target - x], i]
                        seen[x] = i
            """,
        [LanguageId.Java] = """
            class Solution {
                public int[] twoSum(int[] nums, int target) {
                    if (nums[0] == nums[1]) {
                        return new int[] { nums[10], 0 };
                    }
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
        [LanguageId.Cpp] = """
            class Solution {
            public:
                vector<int> twoSum(vector<int>& nums, int target) {
                    if (nums[0] == nums[1]) { return {nums.at(10), 0}; }
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
    };

    /// <summary>Loops forever on the third test only.</summary>
    public static readonly Dictionary<LanguageId, string> TwoSumLoop = new()
    {
        [LanguageId.JavaScript] = """
            var twoSum = function(nums, target) {
                while (nums[0] === nums[1]) {
                }
                const seen = new Map();
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
            };
            """,
        [LanguageId.TypeScript] = """
            function twoSum(nums: number[], target: number): number[] {
                while (nums[0] === nums[1]) {
                }
                const seen = new Map<number, number>();
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
            }
            """,
        [LanguageId.Python] = """
            class Solution:
                def twoSum(self, nums, target):
                    while nums[0] == nums[1]:
                        pass
                    seen = {}
                    for i, x in enumerate(nums):
                        if target - x in seen:
                            return [seen[target - x], i]
                        seen[x] = i
            """,
        [LanguageId.Java] = """
            class Solution {
                public int[] twoSum(int[] nums, int target) {
                    long spin = 0;
                    while (nums[0] == nums[1]) { spin++; if (spin < 0) break; }
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
        [LanguageId.Cpp] = """
            class Solution {
            public:
                vector<int> twoSum(vector<int>& nums, int target) {
                    volatile long spin = 0;
                    while (nums[0] == nums[1]) { spin = spin + 1; }
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
    };

    /// <summary>Allocates without bound on the third test only.</summary>
    public static readonly Dictionary<LanguageId, string> TwoSumMemory = new()
    {
        [LanguageId.JavaScript] = """
            var twoSum = function(nums, target) {
                const hog = [];
                while (nums[0] === nums[1]) {
                    hog.push(new Float64Array(1 << 20).fill(1));
                }
                const seen = new Map();
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
            };
            """,
        [LanguageId.TypeScript] = """
            function twoSum(nums: number[], target: number): number[] {
                const hog: Float64Array[] = [];
                while (nums[0] === nums[1]) {
                    hog.push(new Float64Array(1 << 20).fill(1));
                }
                const seen = new Map<number, number>();
                for (let i = 0; i < nums.length; i++) {
                    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
                    seen.set(nums[i], i);
                }
            }
            """,
        [LanguageId.Python] = """
            class Solution:
                def twoSum(self, nums, target):
                    hog = []
                    while nums[0] == nums[1]:
                        hog.append(bytearray(1 << 20))
                    seen = {}
                    for i, x in enumerate(nums):
                        if target - x in seen:
                            return [seen[target - x], i]
                        seen[x] = i
            """,
        [LanguageId.Java] = """
            class Solution {
                public int[] twoSum(int[] nums, int target) {
                    List<long[]> hog = new ArrayList<>();
                    while (nums[0] == nums[1]) hog.add(new long[1 << 17]);
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
        [LanguageId.Cpp] = """
            class Solution {
            public:
                vector<int> twoSum(vector<int>& nums, int target) {
                    vector<vector<char>> hog;
                    while (nums[0] == nums[1]) hog.emplace_back(1 << 20, 'x');
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
    };

    public static readonly Dictionary<LanguageId, string> CompileError = new()
    {
        [LanguageId.JavaScript] = "var twoSum = function(nums, target) {\n    return [0, 1\n};\n",
        [LanguageId.TypeScript] = "function twoSum(nums: number[], target: number): number[] {\n    const ok = [0, 1];\n    return \"[0, 1]\";\n}\n",
        [LanguageId.Python] = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1\n\n",
        [LanguageId.Java] = "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[] { 0, 1 }\n    }\n}\n",
        [LanguageId.Cpp] = "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        return {0, 1}\n    }\n};\n",
    };

    public static readonly Dictionary<LanguageId, string> Rotate = new()
    {
        [LanguageId.JavaScript] = """
            /**
             * @return {void} Do not return anything, modify nums in-place instead.
             */
            var rotate = function(nums, k) {
                k %= nums.length;
                nums.unshift(...nums.splice(nums.length - k, k));
            };
            """,
        [LanguageId.TypeScript] = """
            function rotate(nums: number[], k: number): void {
                k %= nums.length;
                const copy = nums.slice();
                for (let i = 0; i < nums.length; i++) nums[(i + k) % nums.length] = copy[i];
            }
            """,
        [LanguageId.Python] = """
            class Solution:
                def rotate(self, nums: List[int], k: int) -> None:
                    k %= len(nums)
                    nums[:] = nums[-k:] + nums[:-k]
            """,
        [LanguageId.Java] = """
            class Solution {
                public void rotate(int[] nums, int k) {
                    int n = nums.length; k %= n;
                    int[] copy = nums.clone();
                    for (int i = 0; i < n; i++) nums[(i + k) % n] = copy[i];
                }
            }
            """,
        [LanguageId.Cpp] = """
            class Solution {
            public:
                void rotate(vector<int>& nums, int k) {
                    k %= nums.size();
                    std::rotate(nums.begin(), nums.end() - k, nums.end());
                }
            };
            """,
    };

    public static readonly Dictionary<LanguageId, string> Mean = new()
    {
        [LanguageId.JavaScript] = "var mean = function(xs) {\n    return xs.reduce((a, b) => a + b, 0) / xs.length;\n};\n",
        [LanguageId.TypeScript] = "function mean(xs: number[]): number {\n    return xs.reduce((a, b) => a + b, 0) / xs.length;\n}\n",
        [LanguageId.Python] = "class Solution:\n    def mean(self, xs: List[float]) -> float:\n        return sum(xs) / len(xs)\n",
        [LanguageId.Java] = "class Solution {\n    public double mean(double[] xs) {\n        double s = 0; for (double x : xs) s += x; return s / xs.length;\n    }\n}\n",
        [LanguageId.Cpp] = "class Solution {\npublic:\n    double mean(vector<double>& xs) {\n        double s = 0; for (double x : xs) s += x; return s / xs.size();\n    }\n};\n",
    };

    public static readonly Dictionary<LanguageId, string> BigSum = new()
    {
        [LanguageId.JavaScript] = "var total = function(nums) {\n    let s = 0;\n    for (const x of nums) s += x;\n    return s;\n};\n",
        [LanguageId.TypeScript] = "function total(nums: number[]): number {\n    let s = 0;\n    for (const x of nums) s += x;\n    return s;\n}\n",
        [LanguageId.Python] = "class Solution:\n    def total(self, nums: List[int]) -> int:\n        return sum(nums)\n",
        [LanguageId.Java] = "class Solution {\n    public long total(int[] nums) {\n        long s = 0; for (int x : nums) s += x; return s;\n    }\n}\n",
        [LanguageId.Cpp] = "class Solution {\npublic:\n    long long total(vector<int>& nums) {\n        long long s = 0; for (int x : nums) s += x; return s;\n    }\n};\n",
    };

    public static readonly Dictionary<LanguageId, string> Depth = new()
    {
        [LanguageId.JavaScript] = "var depth = function(n) {\n    return n === 0 ? 0 : 1 + depth(n - 1);\n};\n",
        [LanguageId.TypeScript] = "function depth(n: number): number {\n    return n === 0 ? 0 : 1 + depth(n - 1);\n}\n",
        [LanguageId.Python] = "class Solution:\n    def depth(self, n: int) -> int:\n        return 0 if n == 0 else 1 + self.depth(n - 1)\n",
        [LanguageId.Java] = "class Solution {\n    public int depth(int n) {\n        return n == 0 ? 0 : 1 + depth(n - 1);\n    }\n}\n",
        [LanguageId.Cpp] = "class Solution {\npublic:\n    int depth(int n) {\n        return n == 0 ? 0 : 1 + depth(n - 1);\n    }\n};\n",
    };
}
