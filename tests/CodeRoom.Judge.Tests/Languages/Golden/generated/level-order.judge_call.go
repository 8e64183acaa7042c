package main

import "coderoom"

type TreeNode = coderoom.TreeNode

func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 *TreeNode
		t.Arg(&a0)
		t.Call(func() any { return levelOrder(a0) })
	})
}
