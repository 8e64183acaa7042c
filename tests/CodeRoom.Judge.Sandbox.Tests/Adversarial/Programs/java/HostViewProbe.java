import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
// What the JVM's own APIs tell of the host: the load average (getloadavg reads /proc/loadavg), /proc/meminfo, the
// processors it may use, and whether its container support found any cgroup figures.
public class HostViewProbe {
    public static void main(String[] args) throws Exception {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.println("loadavg " + os.getSystemLoadAverage());
        System.out.println("processors " + Runtime.getRuntime().availableProcessors());
        System.out.println("meminfo " + Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        System.out.println("cgroup " + String.join(",", Files.readAllLines(Path.of("/proc/self/cgroup"))));
        for (String p : new String[] {"/usr/local", "/usr/share", "/proc/config.gz"}) {
            System.out.println(p + " " + (Files.exists(Path.of(p)) ? Files.size(Path.of(p)) : "absent"));
        }
    }
}
