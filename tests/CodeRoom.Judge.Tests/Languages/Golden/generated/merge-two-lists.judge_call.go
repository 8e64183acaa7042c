package main

import "coderoom"

type ListNode = coderoom.ListNode

func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 *ListNode
		coderoom.Arg(t, &a0, coderoom.List)
		var a1 *ListNode
		coderoom.Arg(t, &a1, coderoom.List)
		coderoom.Call(t, coderoom.List, func() *ListNode { return mergeTwoLists(a0, a1) })
	})
}
