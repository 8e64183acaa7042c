// Writes to stdout forever, in large synchronous writes.
const fs = require("fs");
const chunk = Buffer.alloc(1 << 16, 65);
for (;;) {
    fs.writeSync(1, chunk);
}
