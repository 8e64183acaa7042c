package main
//line solution.go:1:1
func twoSum(nums []int, target int) []int {
    
}
