// Worker threads that spin, as many as the runtime allows: the pids limit holds them, the CPU limit ends them.
const { Worker } = require("worker_threads");
let started = 0;
for (let i = 0; i < 200; i++) {
    try {
        new Worker("for(;;){}", { eval: true }).on("error", () => {});
        started++;
    } catch (e) {
        break;
    }
}
console.log("workers " + started);
for (;;) {
    // spin too
}
