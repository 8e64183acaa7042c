package main

import "coderoom"

type ListNode = coderoom.ListNode
type TreeNode = coderoom.TreeNode

func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 *ListNode
		t.Arg(&a0)
		t.Call(func() any { return sortedListToBST(a0) })
	})
}
