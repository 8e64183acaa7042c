// Holds ever more memory (arrays of numbers, kept alive).
const keep = [];
for (;;) {
    keep.push(new Array(1 << 20).fill(keep.length + 0.5));
}
