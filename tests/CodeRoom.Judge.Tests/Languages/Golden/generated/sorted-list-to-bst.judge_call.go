package main

import "coderoom"

type ListNode = coderoom.ListNode
type TreeNode = coderoom.TreeNode

func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 *ListNode
		coderoom.Arg(t, &a0, coderoom.List)
		coderoom.Call(t, coderoom.Tree, func() *TreeNode { return sortedListToBST(a0) })
	})
}
