function coinChange(coins: number[], amount: number): number {
    const best: number[] = new Array(amount + 1).fill(Infinity);
    best[0] = 0;
    for (const c of coins) {
        for (let a = c; a <= amount; a++) {
            if (best[a - c] + 1 < best[a]) best[a] = best[a - c] + 1;
        }
    }
    return best[amount] === Infinity ? -1 : best[amount];
}
