package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 []int
		coderoom.Arg(t, &a0, coderoom.Ints)
		var a1 int
		coderoom.Arg(t, &a1, coderoom.Int)
		coderoom.Call(t, coderoom.Ints, func() []int { return twoSum(a0, a1) })
	})
}
