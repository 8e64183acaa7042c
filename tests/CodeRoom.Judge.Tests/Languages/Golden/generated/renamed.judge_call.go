package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 []int
		t.Arg(&a0)
		t.Call(func() any { return maxProfit(a0) })
	})
}
