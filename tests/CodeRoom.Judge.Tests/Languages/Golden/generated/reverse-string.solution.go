package main
//line solution.go:1:1
func reverseString(s []byte) {
    
}
