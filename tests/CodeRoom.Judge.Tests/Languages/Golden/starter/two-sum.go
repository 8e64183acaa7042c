func twoSum(nums []int, target int) []int {
    
}
