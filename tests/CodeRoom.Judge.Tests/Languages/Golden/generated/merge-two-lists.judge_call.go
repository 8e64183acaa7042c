package main

import "coderoom"

type ListNode = coderoom.ListNode

func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 *ListNode
		t.Arg(&a0)
		var a1 *ListNode
		t.Arg(&a1)
		t.Call(func() any { return mergeTwoLists(a0, a1) })
	})
}
