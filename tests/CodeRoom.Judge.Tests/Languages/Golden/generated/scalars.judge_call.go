package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 int
		t.Arg(&a0)
		var a1 int64
		t.Arg(&a1)
		var a2 float64
		t.Arg(&a2)
		var a3 bool
		t.Arg(&a3)
		var a4 string
		t.Arg(&a4)
		var a5 byte
		t.Arg(&a5)
		var a6 [][]byte
		t.Arg(&a6)
		var a7 []string
		t.Arg(&a7)
		var a8 [][]int
		t.Arg(&a8)
		var a9 []float64
		t.Arg(&a9)
		var a10 []int64
		t.Arg(&a10)
		var a11 [][]string
		t.Arg(&a11)
		t.Call(func() any { return describe(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11) })
	})
}
