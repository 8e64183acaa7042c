using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The Go solutions of the shared cases (added after the other languages' field initialisers ran).</summary>
internal static partial class Solutions
{
    static Solutions()
    {
        TwoSum[LanguageId.Go] = """
            func twoSum(nums []int, target int) []int {
                seen := map[int]int{}
                for i, x := range nums {
                    if j, ok := seen[target-x]; ok {
                        return []int{j, i}
                    }
                    seen[x] = i
                }
                return nil
            }
            """;
        TwoSumWrong[LanguageId.Go] = """
            func twoSum(nums []int, target int) []int {
                for i := range nums {
                    for j := i; j < len(nums); j++ {
                        if nums[i]+nums[j] == target {
                            return []int{i, j}
                        }
                    }
                }
                return []int{}
            }
            """;
        TwoSumCrash[LanguageId.Go] = """
            func twoSum(nums []int, target int) []int {
                seen := map[int]int{}
                if nums[0] == nums[1] {
                    return []int{nums[10], 0}
                }
                for i, x := range nums {
                    if j, ok := seen[target-x]; ok {
                        return []int{j, i}
                    }
                    seen[x] = i
                }
                return nil
            }
            """;
        TwoSumLoop[LanguageId.Go] = """
            func twoSum(nums []int, target int) []int {
                spin := 0
                for nums[0] == nums[1] {
                    spin++
                }
                seen := map[int]int{}
                for i, x := range nums {
                    if j, ok := seen[target-x]; ok {
                        return []int{j, i}
                    }
                    seen[x] = i
                }
                return nil
            }
            """;
        TwoSumMemory[LanguageId.Go] = """
            var hog [][]byte

            func twoSum(nums []int, target int) []int {
                for nums[0] == nums[1] {
                    chunk := make([]byte, 1<<20)
                    for i := range chunk {
                        chunk[i] = 'x'
                    }
                    hog = append(hog, chunk)
                }
                seen := map[int]int{}
                for i, x := range nums {
                    if j, ok := seen[target-x]; ok {
                        return []int{j, i}
                    }
                    seen[x] = i
                }
                return nil
            }
            """;
        CompileError[LanguageId.Go] = "func twoSum(nums []int, target int) []int {\n    _ = nums\n    return \"[0, 1]\"\n}\n";
        Rotate[LanguageId.Go] = """
            func rotate(nums []int, k int) {
                k %= len(nums)
                copy(nums, append(append([]int{}, nums[len(nums)-k:]...), nums[:len(nums)-k]...))
            }
            """;
        Mean[LanguageId.Go] = "func mean(xs []float64) float64 {\n    s := 0.0\n    for _, x := range xs {\n        s += x\n    }\n    return s / float64(len(xs))\n}\n";
        BigSum[LanguageId.Go] = "func total(nums []int) int64 {\n    var s int64\n    for _, x := range nums {\n        s += int64(x)\n    }\n    return s\n}\n";
        Depth[LanguageId.Go] = "func depth(n int) int {\n    if n == 0 {\n        return 0\n    }\n    return 1 + depth(n-1)\n}\n";
    }
}
