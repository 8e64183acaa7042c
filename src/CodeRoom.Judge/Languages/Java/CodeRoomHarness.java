// CodeRoom Java harness: speaks docs/harness-protocol.md. Static; it finds the candidate's method by reflection and
// converts each JSON argument to the parameter's declared Java type. The name avoids clashing with a candidate's
// helper classes (Main, Pair, Node...), which live in the same default package.
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class CodeRoomHarness {
    /** Solution.java starts with one line of implicit imports, so its line N is the candidate's line N-1. */
    static final int IMPORT_LINES = 1;
    static final String CANDIDATE_FILE = "Solution.java";
    static final int MAX_ERROR_CHARS = 2000;
    static final int MAX_NODES = 10_000_000;

    static final PrintStream ORIGINAL_OUT = System.out;
    static final PrintStream ORIGINAL_ERR = System.err;
    static OutputStream control;
    static int exitCode = 0;

    public static void main(String[] args) throws Exception {
        // Deep recursion runs on this thread; only touched stack pages are charged to the memory cgroup.
        long stack = Long.getLong("coderoom.stack", 32L << 20);
        Thread worker = new Thread(null, CodeRoomHarness::runSafely, "solution", stack);
        worker.start();
        worker.join();
        flushCandidate();
        // halt: threads the candidate started and its shutdown hooks must not keep or change the process.
        Runtime.getRuntime().halt(exitCode);
    }

    static void runSafely() {
        try {
            run();
        } catch (Throwable t) {
            ORIGINAL_ERR.println("harness failure:");
            t.printStackTrace(ORIGINAL_ERR);
            exitCode = 70;
        }
    }

    /**
     * Loads and links the harness's own code paths before the header is read: a JVM started ahead of time then
     * spends its start-up here, not on the candidate's request. Harmless when the header is already waiting.
     */
    static void warmUp() {
        try {
            byte[] sample = "{\"a\":[1,-2,3.5,\"x\\n\",null,true,false],\"b\":{\"c\":[[1],[]]}}".getBytes(StandardCharsets.UTF_8);
            new JsonIn(sample, 0, sample.length).any();
            StringBuilder out = new StringBuilder();
            JsonOut.write(out, new ArrayList<>(List.of(List.of(1, 2), List.of(3))), Ty.parse("list<list<integer>>"));
            JsonOut.write(out, new int[] {1, 2}, Ty.parse("integer[]"));
            JsonOut.write(out, "s", Ty.parse("string"));
            JsonOut.write(out, 1.5, Ty.parse("double"));
            // The load and call path: a class loader, reflection over generic parameter types through a stream, a
            // constructor and a method invoked reflectively (each loads a dozen JDK classes the first time).
            String name = WarmUpSample.class.getName();
            try (InputStream bytes = CodeRoomHarness.class.getResourceAsStream(name + ".class")) {
                if (bytes != null) {
                    // Defined again in a loader of its own, as the candidate's classes are.
                    new BytesLoader(Map.of(name, java.util.Base64.getEncoder().encodeToString(bytes.readAllBytes())),
                        CodeRoomHarness.class.getClassLoader()).findClass(name);
                }
            }
            Method call = WarmUpSample.class.getDeclaredMethod("call", int[].class, List.class);
            if (Arrays.stream(call.getGenericParameterTypes()).allMatch(JsonIn::supports)) {
                Constructor<WarmUpSample> constructor = WarmUpSample.class.getDeclaredConstructor();
                constructor.setAccessible(true);
                call.setAccessible(true);
                call.invoke(constructor.newInstance(), new int[] {1}, List.of(2));
            }
        } catch (Throwable e) {
            // Only a warm-up: the real run reports its own errors.
        }
    }

    /** Stands in for a candidate's Solution while the harness warms up. */
    static final class WarmUpSample {
        int call(int[] a, List<Integer> b) {
            return a.length + b.size();
        }
    }

    static void run() throws IOException {
        control = new FileOutputStream("/proc/self/fd/3", true);
        warmUp();
        LineReader in = new LineReader(new FileInputStream(FileDescriptor.in));
        byte[] headerLine = in.readLine();
        if (headerLine == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) new JsonIn(headerLine, 0, headerLine.length).any();
        String nonce = (String) header.get("nonce");
        String function = (String) header.get("function");
        @SuppressWarnings("unchecked")
        List<Object> params = (List<Object>) header.get("params");
        Ty judged = Ty.parse((String) header.get("return_type"));
        int outputIndex = -1;
        Object outputParam = header.get("output_param");
        for (int i = 0; i < params.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) params.get(i);
            if (p.get("name").equals(outputParam)) {
                outputIndex = i;
                judged = Ty.parse((String) p.get("type"));
            }
        }

        // A JVM started ahead of time gets the compiled classes in the header (file name without .class -> base64);
        // otherwise they are in /box on the class path.
        @SuppressWarnings("unchecked")
        Map<String, Object> classes = (Map<String, Object>) header.get("classes");
        // Up, and none of the candidate's code has run yet (its classes load below): the supervisor starts the first
        // test's clock and hands its input over now (docs/harness-protocol.md).
        writeControl("H");
        Loaded loaded = load(function, params.size(), classes);
        if (loaded.error != null) {
            writeControl("C " + loaded.error);
            return;
        }
        Type[] types = loaded.method.getGenericParameterTypes();
        byte[] line;
        while ((line = in.readLine()) != null) {
            int tab = indexOf(line, (byte) '\t');
            if (tab < 0) {
                continue;
            }
            long index = Long.parseLong(new String(line, 0, tab, StandardCharsets.US_ASCII).trim());
            String result = runTest(index, line, tab + 1, loaded, types, outputIndex, judged, nonce);
            writeControl("R " + index + " " + result);
        }
    }

    static String runTest(long index, byte[] line, int start, Loaded loaded, Type[] types, int outputIndex, Ty judged,
                          String nonce) throws IOException {
        JsonIn json = new JsonIn(line, start, line.length);
        Object[] args = new Object[types.length];
        json.expect('[');
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                json.expect(',');
            }
            args[i] = json.read(types[i]);
        }
        json.expect(']');
        Object instance;
        try {
            instance = loaded.constructor.newInstance();
        } catch (InvocationTargetException e) {
            begin(index, nonce);
            return failure(e.getCause(), 0);
        } catch (ReflectiveOperationException e) {
            begin(index, nonce);
            return failure(e, 0);
        }
        begin(index, nonce);
        long started = System.nanoTime();
        Object result;
        double ms;
        try {
            result = loaded.method.invoke(instance, args);
            ms = (System.nanoTime() - started) / 1e6;
        } catch (InvocationTargetException e) {
            ms = (System.nanoTime() - started) / 1e6;
            flushCandidate();
            return failure(e.getCause(), ms);
        } catch (IllegalAccessException e) {
            flushCandidate();
            return failure(e, 0);
        }
        flushCandidate();
        Object value = outputIndex >= 0 ? args[outputIndex] : result;
        StringBuilder out = new StringBuilder(64);
        out.append("{\"ok\":true,\"value\":");
        try {
            JsonOut.write(out, value, judged);
        } catch (OutputError e) {
            StringBuilder error = new StringBuilder("{\"ok\":false,\"kind\":\"output\",\"error\":");
            JsonOut.string(error, "return value cannot be serialised: " + e.getMessage());
            return error.append(",\"line\":null,\"ms\":").append(ms).append('}').toString();
        }
        return out.append(",\"ms\":").append(ms).append('}').toString();
    }

    static void begin(long index, String nonce) throws IOException {
        flushCandidate();
        byte[] marker = ("\u001e" + nonce + ":" + index + "\u001e").getBytes(StandardCharsets.UTF_8);
        ORIGINAL_OUT.write(marker, 0, marker.length);
        ORIGINAL_OUT.flush();
        ORIGINAL_ERR.write(marker, 0, marker.length);
        ORIGINAL_ERR.flush();
    }

    static String failure(Throwable t, double ms) {
        String kind = t instanceof OutOfMemoryError ? "memory" : t instanceof StackOverflowError ? "stack" : "runtime";
        StringBuilder out = new StringBuilder("{\"ok\":false,\"kind\":\"").append(kind).append("\",\"error\":");
        JsonOut.string(out, describe(t));
        Integer line = candidateLine(t);
        out.append(",\"line\":").append(line == null ? "null" : line.toString());
        return out.append(",\"ms\":").append(ms).append('}').toString();
    }

    static String describe(Throwable t) {
        String text = t.toString();
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    }

    static Integer candidateLine(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (CANDIDATE_FILE.equals(frame.getFileName()) && frame.getLineNumber() > IMPORT_LINES) {
                return frame.getLineNumber() - IMPORT_LINES;
            }
        }
        return null;
    }

    static void flushCandidate() {
        System.out.flush();
        System.err.flush();
        ORIGINAL_OUT.flush();
        ORIGINAL_ERR.flush();
    }

    static void writeControl(String line) throws IOException {
        control.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        control.flush();
    }

    static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    // ---- loading ---------------------------------------------------------------------------------------------

    static final class Loaded {
        Constructor<?> constructor;
        Method method;
        String error;
    }

    /** Defines the candidate's classes from bytes; everything else (the JDK, ListNode, TreeNode) comes from the parent. */
    static final class BytesLoader extends ClassLoader {
        private final Map<String, Object> classes;

        BytesLoader(Map<String, Object> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Object encoded = classes.get(name);
            if (!(encoded instanceof String)) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = java.util.Base64.getDecoder().decode((String) encoded);
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    static Loaded load(String function, int arity, Map<String, Object> classes) {
        Loaded loaded = new Loaded();
        Class<?> solution;
        try {
            ClassLoader loader = classes == null
                ? CodeRoomHarness.class.getClassLoader()
                : new BytesLoader(classes, CodeRoomHarness.class.getClassLoader());
            solution = Class.forName("Solution", true, loader);
        } catch (ClassNotFoundException e) {
            loaded.error = loadError("no class Solution", null);
            return loaded;
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            loaded.error = loadError(describe(cause), candidateLine(cause));
            return loaded;
        } catch (LinkageError e) {
            loaded.error = loadError(describe(e), null);
            return loaded;
        }
        for (Class<?> c = solution; c != null && loaded.method == null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(function) && m.getParameterCount() == arity && !m.isSynthetic()
                        && Arrays.stream(m.getGenericParameterTypes()).allMatch(JsonIn::supports)) {
                    loaded.method = m;
                    break;
                }
            }
        }
        if (loaded.method == null) {
            loaded.error = loadError("class Solution has no method " + function + " with " + arity
                    + " parameters of types the judge can pass", null);
            return loaded;
        }
        try {
            loaded.constructor = solution.getDeclaredConstructor();
            loaded.constructor.setAccessible(true);
            loaded.method.setAccessible(true);
        } catch (NoSuchMethodException e) {
            loaded.error = loadError("class Solution needs a constructor without parameters", null);
        } catch (RuntimeException e) {
            loaded.error = loadError(describe(e), null);
        }
        if (loaded.error == null && Modifier.isAbstract(solution.getModifiers())) {
            loaded.error = loadError("class Solution is abstract", null);
        }
        return loaded;
    }

    static String loadError(String message, Integer line) {
        StringBuilder out = new StringBuilder("{\"error\":");
        JsonOut.string(out, message);
        return out.append(",\"line\":").append(line == null ? "null" : line.toString()).append('}').toString();
    }

    // ---- input -----------------------------------------------------------------------------------------------

    static final class LineReader {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int start = 0;
        private int end = 0;
        private boolean eof = false;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] readLine() throws IOException {
            int scanned = start;
            while (true) {
                for (int i = scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        byte[] line = Arrays.copyOfRange(buffer, start, i);
                        start = i + 1;
                        return line;
                    }
                }
                scanned = end;
                if (eof) {
                    if (start == end) {
                        return null;
                    }
                    byte[] line = Arrays.copyOfRange(buffer, start, end);
                    start = end;
                    return line;
                }
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    scanned -= start;
                    end -= start;
                    start = 0;
                }
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
        }
    }

    /** A JSON reader over UTF-8 bytes that builds values of declared Java types directly (no boxing of int[]). */
    static final class JsonIn {
        private final byte[] b;
        private int p;
        private final int end;

        JsonIn(byte[] bytes, int start, int end) {
            this.b = bytes;
            this.p = start;
            this.end = end;
        }

        static boolean supports(Type t) {
            if (t instanceof Class<?> c) {
                if (c.isArray()) {
                    return supports(c.getComponentType());
                }
                return c == int.class || c == Integer.class || c == long.class || c == Long.class || c == double.class
                        || c == Double.class || c == boolean.class || c == Boolean.class || c == char.class
                        || c == Character.class || c == String.class || c == ListNode.class || c == TreeNode.class;
            }
            if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
                return raw.isAssignableFrom(ArrayList.class) && supports(pt.getActualTypeArguments()[0]);
            }
            return false;
        }

        Object read(Type t) {
            if (t instanceof ParameterizedType pt) {
                Type element = pt.getActualTypeArguments()[0];
                ArrayList<Object> list = new ArrayList<>();
                expect('[');
                if (consume(']')) {
                    return list;
                }
                do {
                    list.add(read(element));
                } while (consume(','));
                expect(']');
                return list;
            }
            Class<?> c = (Class<?>) t;
            if (c == int.class || c == Integer.class) {
                return (int) integer();
            }
            if (c == long.class || c == Long.class) {
                return integer();
            }
            if (c == double.class || c == Double.class) {
                return number();
            }
            if (c == boolean.class || c == Boolean.class) {
                return bool();
            }
            if (c == char.class || c == Character.class) {
                return character();
            }
            if (c == String.class) {
                return string();
            }
            if (c == ListNode.class) {
                return listNode();
            }
            if (c == TreeNode.class) {
                return treeNode();
            }
            if (c == int[].class) {
                return ints();
            }
            if (c.isArray()) {
                List<Object> items = new ArrayList<>();
                expect('[');
                if (!consume(']')) {
                    do {
                        items.add(read(c.getComponentType()));
                    } while (consume(','));
                    expect(']');
                }
                Object array = Array.newInstance(c.getComponentType(), items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(array, i, items.get(i));
                }
                return array;
            }
            throw new IllegalArgumentException("unsupported parameter type " + t);
        }

        int[] ints() {
            expect('[');
            int[] out = new int[16];
            int n = 0;
            if (!consume(']')) {
                do {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = (int) integer();
                } while (consume(','));
                expect(']');
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        ListNode listNode() {
            ListNode dummy = new ListNode();
            ListNode tail = dummy;
            expect('[');
            if (consume(']')) {
                return null;
            }
            do {
                tail.next = new ListNode((int) integer());
                tail = tail.next;
            } while (consume(','));
            expect(']');
            return dummy.next;
        }

        /** LeetCode level order: each non-null node takes the next two slots as its children. */
        TreeNode treeNode() {
            List<TreeNode> nodes = new ArrayList<>();
            expect('[');
            if (consume(']')) {
                return null;
            }
            do {
                nodes.add(nullLiteral() ? null : new TreeNode((int) integer()));
            } while (consume(','));
            expect(']');
            int child = 1;
            for (int i = 0; i < nodes.size() && child < nodes.size(); i++) {
                TreeNode node = nodes.get(i);
                if (node == null) {
                    continue;
                }
                node.left = nodes.get(child++);
                if (child < nodes.size()) {
                    node.right = nodes.get(child++);
                }
            }
            return nodes.get(0);
        }

        Object any() {
            char c = peek();
            if (c == '{') {
                p++;
                Map<String, Object> map = new LinkedHashMap<>();
                if (consume('}')) {
                    return map;
                }
                do {
                    String key = string();
                    expect(':');
                    map.put(key, any());
                } while (consume(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                p++;
                List<Object> list = new ArrayList<>();
                if (consume(']')) {
                    return list;
                }
                do {
                    list.add(any());
                } while (consume(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            if (c == 't' || c == 'f') {
                return bool();
            }
            if (nullLiteral()) {
                return null;
            }
            return number();
        }

        void ws() {
            while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r')) {
                p++;
            }
        }

        char peek() {
            ws();
            return p < end ? (char) b[p] : '\0';
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at byte " + p);
            }
            p++;
        }

        boolean consume(char c) {
            if (peek() != c) {
                return false;
            }
            p++;
            return true;
        }

        boolean nullLiteral() {
            if (peek() == 'n' && p + 4 <= end && b[p + 1] == 'u' && b[p + 2] == 'l' && b[p + 3] == 'l') {
                p += 4;
                return true;
            }
            return false;
        }

        long integer() {
            ws();
            boolean negative = p < end && b[p] == '-';
            if (negative) {
                p++;
            }
            int start = p;
            long v = 0;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                v = v * 10 + (b[p++] - '0');
            }
            if (p == start) {
                throw new IllegalArgumentException("expected an integer at byte " + p);
            }
            // Long.MIN_VALUE overflows to itself, which is what it should be.
            return negative ? -v : v;
        }

        double number() {
            ws();
            int start = p;
            while (p < end && "+-0123456789.eE".indexOf(b[p]) >= 0) {
                p++;
            }
            return Double.parseDouble(new String(b, start, p - start, StandardCharsets.US_ASCII));
        }

        boolean bool() {
            char c = peek();
            if (c == 't') {
                p += 4;
                return true;
            }
            if (c == 'f') {
                p += 5;
                return false;
            }
            throw new IllegalArgumentException("expected a boolean at byte " + p);
        }

        char character() {
            String s = string();
            return s.isEmpty() ? '\0' : s.charAt(0);
        }

        String string() {
            expect('"');
            int start = p;
            while (p < end && b[p] != '"' && b[p] != '\\') {
                p++;
            }
            if (p < end && b[p] == '"') {
                return new String(b, start, p++ - start, StandardCharsets.UTF_8);
            }
            StringBuilder out = new StringBuilder(new String(b, start, p - start, StandardCharsets.UTF_8));
            while (true) {
                if (p >= end) {
                    throw new IllegalArgumentException("unterminated string");
                }
                byte c = b[p++];
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    int run = p - 1;
                    while (p < end && b[p] != '"' && b[p] != '\\') {
                        p++;
                    }
                    out.append(new String(b, run, p - run, StandardCharsets.UTF_8));
                    continue;
                }
                byte e = b[p++];
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(new String(b, p, 4, StandardCharsets.US_ASCII), 16));
                        p += 4;
                    }
                    default -> out.append((char) e);
                }
            }
        }
    }

    // ---- output ----------------------------------------------------------------------------------------------

    static final class OutputError extends Exception {
        OutputError(String message) {
            super(message);
        }
    }

    /** A contract type, parsed from the header. */
    record Ty(String kind, Ty element) {
        static Ty parse(String text) {
            text = text.trim();
            if (text.endsWith("[]")) {
                return new Ty("seq", parse(text.substring(0, text.length() - 2)));
            }
            if (text.startsWith("list<") && text.endsWith(">")) {
                return new Ty("seq", parse(text.substring(5, text.length() - 1)));
            }
            return new Ty(switch (text) {
                case "int" -> "integer";
                case "char" -> "character";
                default -> text;
            }, null);
        }
    }

    static final class JsonOut {
        static void write(StringBuilder out, Object v, Ty t) throws OutputError {
            switch (t.kind()) {
                case "void" -> out.append("null");
                case "integer", "long" -> {
                    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                        out.append(((Number) v).longValue());
                    } else if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
                        out.append(d.longValue());
                    } else {
                        throw new OutputError("expected an integer, got " + describe(v));
                    }
                }
                case "double" -> {
                    if (!(v instanceof Number n)) {
                        throw new OutputError("expected a number, got " + describe(v));
                    }
                    doubleValue(out, n.doubleValue());
                }
                case "boolean" -> {
                    if (!(v instanceof Boolean bool)) {
                        throw new OutputError("expected a boolean, got " + describe(v));
                    }
                    out.append(bool.booleanValue());
                }
                case "string" -> {
                    if (!(v instanceof CharSequence s)) {
                        throw new OutputError("expected a String, got " + describe(v));
                    }
                    string(out, s.toString());
                }
                case "character" -> {
                    if (v instanceof Character c) {
                        string(out, String.valueOf(c.charValue()));
                    } else if (v instanceof String s && s.length() == 1) {
                        string(out, s);
                    } else {
                        throw new OutputError("expected a char, got " + describe(v));
                    }
                }
                case "seq" -> sequence(out, v, t.element());
                case "ListNode" -> listNode(out, v);
                case "TreeNode" -> treeNode(out, v);
                default -> throw new OutputError("unsupported type " + t.kind());
            }
        }

        static void sequence(StringBuilder out, Object v, Ty element) throws OutputError {
            out.append('[');
            if (v instanceof int[] a) {
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(a[i]);
                }
            } else if (v != null && v.getClass().isArray()) {
                int n = Array.getLength(v);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, Array.get(v, i), element);
                }
            } else if (v instanceof Iterable<?> items) {
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(out, item, element);
                }
            } else {
                throw new OutputError("expected an array or a list, got " + describe(v));
            }
            out.append(']');
        }

        static void listNode(StringBuilder out, Object v) throws OutputError {
            if (v != null && !(v instanceof ListNode)) {
                throw new OutputError("expected a ListNode, got " + describe(v));
            }
            out.append('[');
            int count = 0;
            for (ListNode n = (ListNode) v; n != null; n = n.next) {
                if (++count > MAX_NODES) {
                    throw new OutputError("the returned list has a cycle");
                }
                if (count > 1) {
                    out.append(',');
                }
                out.append(n.val);
            }
            out.append(']');
        }

        static void treeNode(StringBuilder out, Object v) throws OutputError {
            if (v != null && !(v instanceof TreeNode)) {
                throw new OutputError("expected a TreeNode, got " + describe(v));
            }
            List<TreeNode> order = new ArrayList<>();
            if (v != null) {
                order.add((TreeNode) v);
            }
            for (int i = 0; i < order.size(); i++) {
                TreeNode node = order.get(i);
                if (node == null) {
                    continue;
                }
                if (order.size() > 2 * MAX_NODES) {
                    throw new OutputError("the returned tree has a cycle");
                }
                order.add(node.left);
                order.add(node.right);
            }
            int size = order.size();
            while (size > 0 && order.get(size - 1) == null) {
                size--;
            }
            out.append('[');
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.append(',');
                }
                TreeNode node = order.get(i);
                if (node == null) {
                    out.append("null");
                } else {
                    out.append(node.val);
                }
            }
            out.append(']');
        }

        static void doubleValue(StringBuilder out, double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
                return;
            }
            // Double.toString round-trips (and is JSON); on JDK 17 it is not always the shortest such string.
            out.append(Double.toString(d));
        }

        /** ASCII-only JSON: everything else is \\u-escaped, so lone surrogates still make valid output. */
        static void string(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7F) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
            out.append('"');
        }

        static String describe(Object v) {
            return v == null ? "null" : v.getClass().getSimpleName();
        }
    }
}
