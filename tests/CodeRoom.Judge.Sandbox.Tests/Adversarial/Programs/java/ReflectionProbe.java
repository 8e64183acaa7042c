import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
// Reflection and the JDK's own APIs: private fields, the environment, host files, other processes.
public class ReflectionProbe {
    public static void main(String[] args) throws Exception {
        // Reflection works (no security manager), but only on this JVM's own objects.
        Field value = String.class.getDeclaredField("value");
        try {
            value.setAccessible(true);
            System.out.println("setAccessible OK");
        } catch (RuntimeException e) {
            System.out.println("setAccessible " + e.getClass().getSimpleName());
        }
        Map<String, String> env = System.getenv();
        System.out.println("env " + env);
        System.out.println("user.home " + System.getProperty("user.home") + " user.name " + System.getProperty("user.name"));
        for (String p : new String[] {"/etc/shadow", "/etc/passwd", "/root/.bashrc", "/work", "/proc/1/environ"}) {
            try {
                if (Files.isDirectory(Path.of(p))) System.out.println(p + " LISTED " + Files.list(Path.of(p)).toList());
                else System.out.println(p + " READ " + Files.readString(Path.of(p)));
            } catch (Exception e) {
                System.out.println(p + " " + e.getClass().getSimpleName());
            }
        }
        System.out.println("processes " + ProcessHandle.allProcesses().count());
        ProcessHandle.allProcesses().forEach(h -> System.out.println("pid " + h.pid() + " " + h.info().command().orElse("?")));
        try {
            Class<?> unsafe = Class.forName("sun.misc.Unsafe");
            Field f = unsafe.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            System.out.println("unsafe OK");
        } catch (Exception e) {
            System.out.println("unsafe " + e.getClass().getSimpleName());
        }
    }
}
