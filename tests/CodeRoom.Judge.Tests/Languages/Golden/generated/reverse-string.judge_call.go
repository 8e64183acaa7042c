package main

import "coderoom"


func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 []byte
		t.Arg(&a0)
		t.Call(func() any { reverseString(a0); return a0 })
	})
}
