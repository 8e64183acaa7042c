function ndcgAtK(relevances: number[], k: number): number {
    const dcg = (rels: number[]): number => {
        let sum = 0;
        for (let i = 0; i < Math.min(k, rels.length); i++) sum += (Math.pow(2, rels[i]) - 1) / Math.log2(i + 2);
        return sum;
    };
    const ideal = dcg([...relevances].sort((x, y) => y - x));
    return ideal === 0 ? 0 : dcg(relevances) / ideal;
}
