function ema(values: number[], alpha: number): number[] {
    const result: number[] = [];
    let previous = 0;
    values.forEach((v, i) => {
        previous = i === 0 ? v : alpha * v + (1 - alpha) * previous;
        result.push(previous);
    });
    return result;
}
