function precisionRecallAtK(recommended: number[], relevant: number[], k: number): number[] {
    const relevantSet = new Set<number>(relevant);
    let hits = 0;
    for (const item of recommended.slice(0, k)) {
        if (relevantSet.has(item)) hits++;
    }
    return [hits / k, relevantSet.size > 0 ? hits / relevantSet.size : 0];
}
