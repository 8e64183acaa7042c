// Host secrets and the service's files. argv[2:] are extra host paths (the test assembly directory, the canary file).
const fs = require("fs");
const paths = ["/etc/shadow", "/etc/passwd", "/root", "/home", "/work", "/var/lib/postgresql", "/var/lib/coderoom",
    "/sys/fs/cgroup", "/proc/self/root/etc/shadow", ...process.argv.slice(2)];
for (const p of paths) {
    try {
        if (fs.statSync(p).isDirectory()) {
            console.log(p, "LISTED", fs.readdirSync(p).slice(0, 20).join(","));
        } else {
            console.log(p, "READ", fs.readFileSync(p).subarray(0, 200).toString("latin1"));
        }
    } catch (e) {
        console.log(p, e.code);
    }
}
console.log("root " + fs.readdirSync("/").sort().join(","));
console.log("env " + JSON.stringify(process.env));
