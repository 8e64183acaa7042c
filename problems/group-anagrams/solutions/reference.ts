function groupAnagrams(strs: string[]): string[][] {
    const groups: Record<string, string[]> = {};
    for (const s of strs) {
        const counts = new Array<number>(26).fill(0);
        for (let i = 0; i < s.length; i++) counts[s.charCodeAt(i) - 97]++;
        const key = counts.join(",");
        (groups[key] ??= []).push(s);
    }
    return Object.values(groups);
}
