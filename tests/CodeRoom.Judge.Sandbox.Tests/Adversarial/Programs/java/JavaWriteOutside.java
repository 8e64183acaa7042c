import java.nio.file.Files;
import java.nio.file.Path;
// Writes outside /tmp through java.nio, and kills its parent through ProcessHandle.
public class JavaWriteOutside {
    public static void main(String[] args) {
        for (String p : new String[] {"/x", "/usr/x", "/box/x", "/tmp/ok"}) {
            try {
                Files.writeString(Path.of(p), "x");
                System.out.println(p + " WRITTEN");
            } catch (Exception e) {
                System.out.println(p + " " + e.getClass().getSimpleName());
            }
        }
        ProcessHandle.current().parent().ifPresent(h -> System.out.println("destroy parent " + h.pid() + " " + h.destroyForcibly()));
        System.out.println("survived");
    }
}
