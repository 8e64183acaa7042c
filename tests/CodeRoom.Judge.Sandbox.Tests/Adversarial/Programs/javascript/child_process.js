// Shelling out from Node: execSync, spawnSync. Everything runs inside the same sandbox.
const cp = require("child_process");
const run = (cmd) => {
    try {
        return cp.execSync(cmd, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
        return "FAILED " + e.status + " " + String(e.stderr || e.message).slice(0, 200);
    }
};
console.log("exec " + run("echo uid=$(id -u); cat /etc/shadow 2>&1 | head -c 200; ls /work /root 2>&1; true"));
const child = cp.spawnSync("/usr/bin/node", ["-e", "console.log('child', process.getuid(), process.ppid)"], { encoding: "utf8" });
console.log((child.stdout || "").trim() || "spawn failed " + String(child.error));
