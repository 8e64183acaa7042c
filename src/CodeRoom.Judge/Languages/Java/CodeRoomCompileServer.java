import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A warm javac (issue 7): one JVM, started in the sandbox ahead of time and warmed up by compiling a sample, compiles
 * every candidate's Solution.java in memory, so a compile costs tens of milliseconds instead of a cold javac's half
 * second. It runs no candidate code (-proc:none: no annotation processors; the options are fixed by the judge).
 *
 * Protocol (docs/harness-protocol.md): stdin, one request per line: "id name base64(source) [name base64(source)...]".
 * Reply on fd 3: "O base64(compiler output)", then "F name.class base64(bytes)" per class, then "E id ok|error".
 * After start-up and warm-up it greets with "R ready". Arguments: the javac options.
 */
public final class CodeRoomCompileServer {
    private static final String WARM_UP_SOURCE = String.join("\n",
        "import java.util.*; import java.util.function.*; import java.util.stream.*;",
        "class Solution {",
        "    public int[] twoSum(int[] nums, int target) {",
        "        Map<Integer, Integer> seen = new HashMap<>();",
        "        for (int i = 0; i < nums.length; i++) {",
        "            Integer j = seen.get(target - nums[i]);",
        "            if (j != null) return new int[] {j, i};",
        "            seen.put(nums[i], i);",
        "        }",
        "        List<String> s = Arrays.stream(nums).mapToObj(x -> \"v\" + x).collect(Collectors.toList());",
        "        PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));",
        "        StringBuilder sb = new StringBuilder(); for (String t : s) sb.append(t).append(',');",
        "        return new int[0];",
        "    }",
        "    static class Node { int val; Node next; Node(int v) { val = v; } }",
        "}");

    private static final int WARM_UP_COMPILES = 12;

    public static void main(String[] args) throws Exception {
        OutputStream control = new FileOutputStream("/proc/self/fd/3", true);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        List<String> options = Arrays.asList(args);
        for (int i = 0; i < WARM_UP_COMPILES; i++) {
            compile(javac, standard, options, Map.of("Solution.java", WARM_UP_SOURCE + "\n// " + i));
        }
        write(control, "R ready\n");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ");
            if (parts.length < 3 || parts.length % 2 != 1) {
                write(control, "O " + b64("malformed request") + "\nE " + parts[0] + " error\n");
                continue;
            }
            Map<String, String> sources = new LinkedHashMap<>();
            for (int i = 1; i + 1 < parts.length; i += 2) {
                sources.put(parts[i], new String(Base64.getDecoder().decode(parts[i + 1]), StandardCharsets.UTF_8));
            }
            Result result;
            try {
                result = compile(javac, standard, options, sources);
            } catch (OutOfMemoryError e) {
                // The heap may be in any state: end, and let the judge start a fresh server.
                Runtime.getRuntime().halt(3);
                return;
            }
            StringBuilder reply = new StringBuilder(64 + result.classes.size() * 1024);
            reply.append("O ").append(b64(result.output)).append('\n');
            for (Map.Entry<String, byte[]> c : result.classes.entrySet()) {
                reply.append("F ").append(c.getKey()).append(' ').append(Base64.getEncoder().encodeToString(c.getValue())).append('\n');
            }
            reply.append("E ").append(parts[0]).append(result.ok ? " ok" : " error").append('\n');
            write(control, reply.toString());
        }
    }

    private static final class Result {
        boolean ok;
        String output = "";
        final Map<String, byte[]> classes = new LinkedHashMap<>();
    }

    /** Compiles on a thread with a big stack (deeply nested code overflows javac's recursion, as a cold javac's). */
    private static Result compile(JavaCompiler javac, StandardJavaFileManager standard, List<String> options, Map<String, String> sources)
            throws InterruptedException {
        Result result = new Result();
        Thread worker = new Thread(null, () -> compileOn(javac, standard, options, sources, result), "javac", 256L << 20);
        worker.start();
        worker.join();
        return result;
    }

    private static void compileOn(JavaCompiler javac, StandardJavaFileManager standard, List<String> options, Map<String, String> sources,
            Result result) {
        StringWriter output = new StringWriter();
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        // A fresh file manager view per compile: classes of earlier compiles are never visible to later ones.
        JavaFileManager files = new ForwardingJavaFileManager<JavaFileManager>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                String name = className.replace('.', '/') + kind.extension;
                return new SimpleJavaFileObject(URI.create("mem:///" + name), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        classes.put(name, bytes);
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String text = source.getValue();
            // /box/ as a cold javac in the box would name it; the judge strips it.
            units.add(new SimpleJavaFileObject(URI.create("file:///box/" + source.getKey()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        }
        try {
            result.ok = javac.getTask(output, files, null, options, null, units).call();
        } catch (StackOverflowError e) {
            output.write("error: the code is nested too deeply to compile\n");
            result.ok = false;
        } catch (RuntimeException e) {
            // javac's own failure (a compiler bug triggered by the source): a compile error, not a dead server.
            PrintWriter print = new PrintWriter(output);
            print.println("error: the compiler failed: " + e);
            print.flush();
            result.ok = false;
        }
        result.output = output.toString();
        if (result.ok) {
            for (Map.Entry<String, ByteArrayOutputStream> c : classes.entrySet()) {
                result.classes.put(c.getKey(), c.getValue().toByteArray());
            }
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream control, String text) throws IOException {
        control.write(text.getBytes(StandardCharsets.UTF_8));
        control.flush();
    }
}
