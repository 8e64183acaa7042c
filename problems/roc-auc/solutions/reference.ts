function rocAuc(labels: number[], scores: number[]): number {
    const order = scores.map((_, i) => i).sort((x, y) => scores[x] - scores[y]);
    const n = order.length;
    let totalPos = 0;
    for (const label of labels) totalPos += label;
    const totalNeg = n - totalPos;
    let wins = 0;
    let negBelow = 0;
    let i = 0;
    while (i < n) {
        let j = i;
        let pos = 0;
        let neg = 0;
        while (j < n && scores[order[j]] === scores[order[i]]) {
            if (labels[order[j]] === 1) pos++;
            else neg++;
            j++;
        }
        wins += pos * (negBelow + neg / 2);
        negBelow += neg;
        i = j;
    }
    return wins / (totalPos * totalNeg);
}
