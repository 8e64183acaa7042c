package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 []int
		t.Arg(&a0)
		var a1 int
		t.Arg(&a1)
		t.Call(func() any { return twoSum(a0, a1) })
	})
}
