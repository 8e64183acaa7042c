impl Solution {
    pub fn reverse_string(s: &mut Vec<char>) {
        
    }
}
