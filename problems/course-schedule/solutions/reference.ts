function canFinish(numCourses: number, prerequisites: number[][]): boolean {
    const graph: number[][] = Array.from({ length: numCourses }, () => []);
    for (const [course, before] of prerequisites) graph[course].push(before);
    // 0 unvisited, 1 on the current path, 2 done.
    const state = new Uint8Array(numCourses);
    const hasCycle = (start: number): boolean => {
        const stack: [number, number][] = [[start, 0]];
        state[start] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const [node, i] = top;
            if (i < graph[node].length) {
                top[1]++;
                const next = graph[node][i];
                if (state[next] === 1) return true;
                if (state[next] === 0) {
                    state[next] = 1;
                    stack.push([next, 0]);
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
        return false;
    };
    for (let c = 0; c < numCourses; c++) {
        if (state[c] === 0 && hasCycle(c)) return false;
    }
    return true;
}
