package main

import "coderoom"

type TreeNode = coderoom.TreeNode

func main() {
	coderoom.Run(func(t *coderoom.Test) {
		var a0 *TreeNode
		coderoom.Arg(t, &a0, coderoom.Tree)
		coderoom.Call(t, coderoom.SliceOf(coderoom.Ints), func() [][]int { return levelOrder(a0) })
	})
}
