function merge(intervals: number[][]): number[][] {
    const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
    const merged: number[][] = [];
    for (const [start, end] of sorted) {
        if (merged.length > 0 && start <= merged[merged.length - 1][1]) {
            merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], end);
        } else {
            merged.push([start, end]);
        }
    }
    return merged;
}
