function describe(count: number, total: number, ratio: number, flag: boolean, name: string, letter: string, board: string[][], words: string[], grid: number[][], weights: number[], stamps: number[], groups: string[][]): string {
    
};
