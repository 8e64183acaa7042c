function maxProfit(prices: number[]): number {
    let lowest = Infinity;
    let best = 0;
    for (const p of prices) {
        if (p < lowest) lowest = p;
        else if (p - lowest > best) best = p - lowest;
    }
    return best;
}
