func reverseString(s []byte) {
    
}
