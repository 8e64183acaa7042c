package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 int
		coderoom.Arg(t, &a0, coderoom.Int)
		var a1 int64
		coderoom.Arg(t, &a1, coderoom.Long)
		var a2 float64
		coderoom.Arg(t, &a2, coderoom.Double)
		var a3 bool
		coderoom.Arg(t, &a3, coderoom.Bool)
		var a4 string
		coderoom.Arg(t, &a4, coderoom.String)
		var a5 byte
		coderoom.Arg(t, &a5, coderoom.Char)
		var a6 [][]byte
		coderoom.Arg(t, &a6, coderoom.SliceOf(coderoom.SliceOf(coderoom.Char)))
		var a7 []string
		coderoom.Arg(t, &a7, coderoom.SliceOf(coderoom.String))
		var a8 [][]int
		coderoom.Arg(t, &a8, coderoom.SliceOf(coderoom.Ints))
		var a9 []float64
		coderoom.Arg(t, &a9, coderoom.SliceOf(coderoom.Double))
		var a10 []int64
		coderoom.Arg(t, &a10, coderoom.SliceOf(coderoom.Long))
		var a11 [][]string
		coderoom.Arg(t, &a11, coderoom.SliceOf(coderoom.SliceOf(coderoom.String)))
		coderoom.Call(t, coderoom.String, func() string { return describe(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11) })
	})
}
