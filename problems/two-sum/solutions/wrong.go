// Wrong: returns the first pair whose values are equal to the target's half, or the first two indices.
func twoSum(nums []int, target int) []int {
    for i := 0; i+1 < len(nums); i++ {
        if nums[i]+nums[i+1] == target {
            return []int{i, i + 1}
        }
    }
    return []int{0, 1}
}
