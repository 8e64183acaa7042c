package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 []int
		coderoom.Arg(t, &a0, coderoom.Ints)
		coderoom.Call(t, coderoom.Int, func() int { return maxProfit(a0) })
	})
}
