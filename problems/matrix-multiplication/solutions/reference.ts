function matmul(a: number[][], b: number[][]): number[][] {
    const n = b.length;
    const p = b[0].length;
    return a.map((row) => {
        const out = new Array<number>(p).fill(0);
        for (let k = 0; k < n; k++) {
            for (let j = 0; j < p; j++) out[j] += row[k] * b[k][j];
        }
        return out;
    });
}
