function cosineSimilarity(a: number[], b: number[]): number {
    let dot = 0;
    let normA = 0;
    let normB = 0;
    a.forEach((x, i) => {
        dot += x * b[i];
        normA += x * x;
        normB += b[i] * b[i];
    });
    if (normA === 0 || normB === 0) return 0;
    return dot / (Math.sqrt(normA) * Math.sqrt(normB));
}
