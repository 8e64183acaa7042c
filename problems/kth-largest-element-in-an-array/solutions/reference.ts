function findKthLargest(nums: number[], k: number): number {
    // A min-heap of the k largest values seen so far; its root is the answer.
    const heap: number[] = [];
    const push = (x: number) => {
        heap.push(x);
        for (let i = heap.length - 1; i > 0; ) {
            const parent = (i - 1) >> 1;
            if (heap[parent] <= heap[i]) break;
            [heap[parent], heap[i]] = [heap[i], heap[parent]];
            i = parent;
        }
    };
    const replaceRoot = (x: number) => {
        heap[0] = x;
        for (let i = 0; ; ) {
            const l = 2 * i + 1;
            const r = l + 1;
            let smallest = i;
            if (l < heap.length && heap[l] < heap[smallest]) smallest = l;
            if (r < heap.length && heap[r] < heap[smallest]) smallest = r;
            if (smallest === i) break;
            [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
            i = smallest;
        }
    };
    for (const x of nums) {
        if (heap.length < k) push(x);
        else if (x > heap[0]) replaceRoot(x);
    }
    return heap[0];
}
