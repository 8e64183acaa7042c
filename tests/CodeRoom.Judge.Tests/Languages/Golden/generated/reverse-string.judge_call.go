package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 []byte
		coderoom.Arg(t, &a0, coderoom.SliceOf(coderoom.Char))
		coderoom.Call(t, coderoom.SliceOf(coderoom.Char), func() []byte { reverseString(a0); return a0 })
	})
}
