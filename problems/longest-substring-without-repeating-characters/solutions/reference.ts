function lengthOfLongestSubstring(s: string): number {
    const seen = new Set<string>();
    let best = 0;
    for (let left = 0, right = 0; right < s.length; right++) {
        while (seen.has(s[right])) seen.delete(s[left++]);
        seen.add(s[right]);
        best = Math.max(best, right - left + 1);
    }
    return best;
}
