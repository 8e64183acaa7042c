function softmax(logits: number[]): number[] {
    let m = -Infinity;
    for (const x of logits) m = Math.max(m, x);
    const exps = logits.map((x) => Math.exp(x - m));
    let total = 0;
    for (const e of exps) total += e;
    return exps.map((e) => e / total);
}
