// TCP egress, SSRF to local services and DNS, from Node.
const net = require("net");
const dns = require("dns");
const targets = [["1.1.1.1", 80], ["127.0.0.1", 5432], ["127.0.0.1", 6379]];
let pending = targets.length + 1;
const done = () => {
    if (--pending === 0) process.exit(0);
};
for (const [host, port] of targets) {
    try {
        const socket = net.connect({ host, port, timeout: 2000 });
        socket.on("connect", () => {
            console.log(host, port, "CONNECTED");
            socket.destroy();
            done();
        });
        socket.on("error", (e) => {
            console.log(host, port, e.code);
            done();
        });
        socket.on("timeout", () => {
            console.log(host, port, "TIMEOUT");
            socket.destroy();
            done();
        });
    } catch (e) {
        console.log(host, port, "THROWN " + e.code);
        done();
    }
}
dns.lookup("example.com", (err, address) => {
    console.log("dns " + (err ? err.code : "resolved " + address));
    done();
});
