impl Solution {
    pub fn reverse_string(s: &mut Vec<char>) {
        let (mut i, mut j) = (0, s.len());
        while i + 1 < j {
            s.swap(i, j - 1);
            i += 1;
            j -= 1;
        }
    }
}
