import java.io.IOException;
// ProcessBuilder runs, but inside the same sandbox: it sees the same empty world.
public class ProcessBuilderProbe {
    public static void main(String[] args) throws Exception {
        run("/bin/sh", "-c", "echo uid=$(id -u); ls /; cat /etc/shadow; ls /work /root; env");
        run("/usr/bin/python3.11", "-S", "-c", "import socket; socket.create_connection(('1.1.1.1', 80), 2)");
    }
    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        System.out.println("exit " + p.waitFor() + " output " + out);
    }
}
