using CodeRoom.Judge.Contract;

namespace CodeRoom.Tests.Shared;

/// <summary>
/// Hostile candidate code, per language, for the add-two signature (addTwo / add_two: long, long -> long) unless said
/// otherwise. Each attack does what it says whatever protocol the harness speaks: it never relies on a harness
/// detail it could not find out for itself.
/// </summary>
internal static partial class Attacks
{
    // ---- 1. hidden inputs --------------------------------------------------------------------------------------

    /// <summary>Python, at import time: whatever stdin holds (the harness's buffer, then fd 0 itself); if it found test
    /// lines, it forges test 0's failure on fd 3 with them as the error. Its first call fails with what it can read
    /// then. Test lines are anything like <c>3\t[987654321,1]</c>.</summary>
    public const string PythonStdinAtImport = """
        import json, os, re, select, sys

        _LINE = re.compile(rb"\d*\t\[[-0-9,\[\]]*\]")


        def _stdin_now(wait):
            seen = []
            try:
                if wait:
                    select.select([0], [], [], 0.3)
                blocking = os.get_blocking(0)
                os.set_blocking(0, False)
                try:
                    try:
                        seen.append(sys.stdin.buffer.peek(1 << 20))
                    except Exception:
                        pass
                    while True:
                        chunk = os.read(0, 1 << 20)
                        if not chunk:
                            break
                        seen.append(chunk)
                except Exception:
                    pass
                finally:
                    os.set_blocking(0, blocking)
            except Exception:
                pass
            return seen


        def _lines(texts):
            found = set()
            for text in texts:
                found.update(m.decode() for m in _LINE.findall(bytes(text)))
            return sorted(found, key=lambda s: -sum(c.isdigit() for c in s))


        _FOUND = _lines(_stdin_now(True))
        if _FOUND:
            _TEXT = "LEAK " + " | ".join(_FOUND)
            print(_TEXT)
            for _line in ("S 0", "R 0 " + json.dumps({"ok": False, "kind": "runtime", "error": _TEXT, "line": None, "ms": 0.0})):
                try:
                    os.write(3, (_line + "\n").encode())
                except OSError:
                    pass


        class Solution:
            def add_two(self, a, b):
                found = _lines([x.encode() for x in _FOUND] + _stdin_now(False))
                text = "LEAK " + " | ".join(found)
                print(text)
                raise RuntimeError(text[:1900])
        """;

    /// <summary>Python, in its first call: stdin (non-blocking, so it never waits for input that is not there), the
    /// locals of every frame of every thread, and every string, bytes and small int list the garbage collector
    /// knows; then fails test 0 with every test line it found.</summary>
    public const string PythonMemoryScan = """
        import gc, json, os, re, sys

        _LINE = re.compile(rb"\d*\t\[[-0-9,\[\]]*\]")


        def _texts():
            out = []
            try:
                blocking = os.get_blocking(0)
                os.set_blocking(0, False)
                try:
                    try:
                        out.append(sys.stdin.buffer.peek(1 << 20))
                    except Exception:
                        pass
                    while True:
                        chunk = os.read(0, 1 << 20)
                        if not chunk:
                            break
                        out.append(chunk)
                except Exception:
                    pass
                finally:
                    os.set_blocking(0, blocking)
            except Exception:
                pass
            values = []
            for frame in list(sys._current_frames().values()):
                while frame is not None:
                    try:
                        values.extend(list(frame.f_locals.values()))
                    except Exception:
                        pass
                    frame = frame.f_back
            for o in gc.get_objects():
                try:
                    if isinstance(o, dict):
                        values.extend(list(o.values()))
                    elif isinstance(o, (list, tuple)):
                        values.extend(list(o))
                except Exception:
                    pass
            for v in values:
                try:
                    if isinstance(v, (bytes, bytearray)):
                        out.append(bytes(v[:1 << 20]))
                    elif isinstance(v, str):
                        out.append(v[:1 << 20].encode("utf-8", "replace"))
                    elif isinstance(v, list) and 0 < len(v) <= 4 and all(type(x) is int for x in v):
                        out.append(b"\t" + json.dumps(v, separators=(",", ":")).encode())
                except Exception:
                    pass
            return out


        class Solution:
            attacked = False

            def add_two(self, a, b):
                if not Solution.attacked:
                    Solution.attacked = True
                    found = set()
                    for text in _texts():
                        found.update(m.decode() for m in _LINE.findall(text))
                    text = "LEAK " + " | ".join(sorted(found, key=lambda s: -sum(c.isdigit() for c in s)))
                    print(text)
                    raise RuntimeError(text[:1900])
                return a + b
        """;

    /// <summary>Java, in its first call: whatever System.in has ready (never blocking: a static initialiser that read
    /// stdin would only steal its own first test's input), then every rw mapping of its own memory (/proc/self/mem:
    /// the harness's buffers are on the Java heap); fails test 0 with the test lines found.</summary>
    public const string JavaStdinAndMemory = """
        import java.io.*;
        import java.nio.charset.StandardCharsets;

        class Solution {
            static final TreeSet<String> FOUND = new TreeSet<>();
            static boolean attacked;

            static void readStdin() {
                try {
                    int n = System.in.available();
                    if (n > 0) {
                        byte[] b = new byte[n];
                        int got = System.in.read(b);
                        collect(b, Math.max(got, 0));
                    }
                } catch (Throwable e) {
                    // nothing there
                }
            }

            static boolean jsonish(byte c) {
                return (c >= '0' && c <= '9') || c == '-' || c == ',' || c == '[' || c == ']';
            }

            static void collect(byte[] b, int n) {
                for (int i = 0; i + 1 < n && FOUND.size() < 500; i++) {
                    if (b[i] != '\t' || b[i + 1] != '[') {
                        continue;
                    }
                    int start = i;
                    while (start > 0 && b[start - 1] >= '0' && b[start - 1] <= '9' && i - start < 12) {
                        start--;
                    }
                    int end = i + 1;
                    while (end < n && end - i < 200 && jsonish(b[end])) {
                        end++;
                    }
                    if (b[end - 1] == ']' && end - i > 3) {
                        FOUND.add(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
                    }
                }
            }

            static void scanMemory() {
                long budget = 160L << 20;
                byte[] buffer = new byte[1 << 20];
                try (BufferedReader maps = new BufferedReader(new FileReader("/proc/self/maps"));
                     RandomAccessFile mem = new RandomAccessFile("/proc/self/mem", "r")) {
                    String line;
                    while ((line = maps.readLine()) != null && budget > 0) {
                        String[] parts = line.split(" ");
                        if (parts.length < 2 || !parts[1].startsWith("rw")) {
                            continue;
                        }
                        String[] range = parts[0].split("-");
                        long lo = Long.parseUnsignedLong(range[0], 16);
                        long hi = Long.parseUnsignedLong(range[1], 16);
                        for (long at = lo; at < hi && budget > 0; at += buffer.length) {
                            int n = (int) Math.min(buffer.length, hi - at);
                            try {
                                mem.seek(at);
                                int got = mem.read(buffer, 0, n);
                                if (got > 0) {
                                    budget -= got;
                                    collect(buffer, got);
                                }
                            } catch (IOException e) {
                                // unreadable page
                            }
                        }
                    }
                } catch (Throwable e) {
                    // best effort
                }
            }

            static int digits(String s) {
                int n = 0;
                for (char c : s.toCharArray()) {
                    if (Character.isDigit(c)) n++;
                }
                return n;
            }

            public long addTwo(long a, long b) {
                if (!attacked) {
                    attacked = true;
                    readStdin();
                    scanMemory();
                    List<String> found = new ArrayList<>(FOUND);
                    found.sort(Comparator.comparingInt(s -> -digits(s)));
                    String text = "LEAK " + String.join(" | ", found);
                    System.out.println(text);
                    throw new RuntimeException(text.length() > 1900 ? text.substring(0, 1900) : text);
                }
                return a + b;
            }
        }
        """;

    /// <summary>C++: a global constructor reads fd 0 before main (waiting briefly for input), hands what it read back
    /// through a pipe of its own and forwards the rest from a thread, so the harness still runs; the first call
    /// scans every rw mapping through /proc/self/mem (the harness's copy of stdin is on the heap) and fails test 0
    /// with the test lines found.</summary>
    public const string CppStdinAndMemory = """
        #include <fcntl.h>
        #include <poll.h>
        #include <unistd.h>

        static std::set<std::string> g_found;
        static std::string g_seen;

        static bool jsonish(char c) { return (c >= '0' && c <= '9') || c == '-' || c == ',' || c == '[' || c == ']'; }

        static void collect(const char* b, size_t n) {
            const char* end = b + n;
            const char* p = b;
            while (g_found.size() < 500 && p < end && (p = static_cast<const char*>(memchr(p, '\t', end - p))) != nullptr) {
                if (p + 1 < end && p[1] == '[') {
                    const char* s = p;
                    while (s > b && s[-1] >= '0' && s[-1] <= '9' && p - s < 12) --s;
                    const char* e = p + 1;
                    while (e < end && e - p < 200 && jsonish(*e)) ++e;
                    if (e[-1] == ']' && e - p > 3) g_found.insert(std::string(s, e));
                }
                ++p;
            }
        }

        static void write_all_fd(int fd, const char* p, size_t n) {
            while (n > 0) {
                ssize_t w = ::write(fd, p, n);
                if (w < 0 && errno == EINTR) continue;
                if (w <= 0) return;
                p += w;
                n -= static_cast<size_t>(w);
            }
        }

        struct StdinThief {
            StdinThief() {
                pollfd p{0, POLLIN, 0};
                ::poll(&p, 1, 300);
                int flags = ::fcntl(0, F_GETFL);
                ::fcntl(0, F_SETFL, flags | O_NONBLOCK);
                char buffer[65536];
                while (true) {
                    ssize_t n = ::read(0, buffer, sizeof buffer);
                    if (n <= 0) break;
                    g_seen.append(buffer, static_cast<size_t>(n));
                }
                ::fcntl(0, F_SETFL, flags);
                collect(g_seen.data(), g_seen.size());
                int original = ::dup(0);
                int fds[2];
                if (original < 0 || ::pipe(fds) != 0) return;
                ::dup2(fds[0], 0);
                ::close(fds[0]);
                std::thread([original, out = fds[1], first = g_seen]() {
                    write_all_fd(out, first.data(), first.size());
                    char b[65536];
                    while (true) {
                        ssize_t n = ::read(original, b, sizeof b);
                        if (n < 0 && errno == EINTR) continue;
                        if (n <= 0) break;
                        write_all_fd(out, b, static_cast<size_t>(n));
                    }
                    ::close(out);
                }).detach();
            }
        } g_thief;

        static void scan_memory() {
            FILE* maps = ::fopen("/proc/self/maps", "r");
            int mem = ::open("/proc/self/mem", O_RDONLY);
            if (maps == nullptr || mem < 0) return;
            std::vector<std::pair<unsigned long, unsigned long>> regions;
            char line[512];
            while (::fgets(line, sizeof line, maps) != nullptr) {
                unsigned long lo = 0, hi = 0;
                char perms[8] = {0};
                if (::sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && perms[0] == 'r' && perms[1] == 'w') regions.push_back({lo, hi});
            }
            ::fclose(maps);
            std::vector<char> chunk(1 << 20);
            size_t budget = size_t(256) << 20;
            for (auto [lo, hi] : regions) {
                for (unsigned long at = lo; at < hi && budget > 0; at += chunk.size()) {
                    size_t n = std::min<unsigned long>(hi - at, chunk.size());
                    ssize_t got = ::pread(mem, chunk.data(), n, static_cast<off_t>(at));
                    if (got <= 0) continue;
                    budget -= std::min(budget, static_cast<size_t>(got));
                    collect(chunk.data(), static_cast<size_t>(got));
                }
            }
            ::close(mem);
        }

        class Solution {
            static inline bool attacked = false;
        public:
            long long addTwo(long long a, long long b) {
                if (!attacked) {
                    attacked = true;
                    scan_memory();
                    std::vector<std::string> found(g_found.begin(), g_found.end());
                    auto digits = [](const std::string& s) { return std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
                    std::stable_sort(found.begin(), found.end(), [&](const std::string& x, const std::string& y) { return digits(x) > digits(y); });
                    std::string text = "LEAK";
                    for (const auto& f : found) text += " | " + f;
                    std::printf("%s\n", text.c_str());
                    if (text.size() > 1900) text.resize(1900);
                    throw std::runtime_error(text);
                }
                return a + b;
            }
        };
        """;

    /// <summary>Python: remembers every input it is given and fails the test whose a is 3 (the last public test of
    /// <c>IntegrityProblems.Interleaved</c>, listed after a hidden one) with all of them.</summary>
    public const string PythonRememberEverything = """
        _SEEN = []


        class Solution:
            def add_two(self, a, b):
                _SEEN.append([a, b])
                if a == 3:
                    raise RuntimeError("SEEN " + repr(_SEEN))
                return a + b
        """;

    /// <summary>Python: crashes in every test, so each test gets a process of its own; at load time it looks at the
    /// test line waiting on stdin without taking it (the harness reads the same buffer) and, in the process whose
    /// first test is <paramref name="target"/> (a hidden one), fails to load with that line as the message: a load
    /// error ("C" line) that a judge could show as the submission's compile output.</summary>
    public static string PythonLoadErrorInLaterProcess(int target) => $$"""
        import re, sys

        _AHEAD = sys.stdin.buffer.peek(1 << 16)
        _FIRST = re.match(rb"(\d+)\t", _AHEAD)
        if _FIRST and int(_FIRST.group(1)) == {{target}}:
            raise RuntimeError("LEAK AT LOAD " + _AHEAD.decode("utf-8", "replace")[:500])


        class Solution:
            def add_two(self, a, b):
                import ctypes
                ctypes.string_at(0)
                return a + b
        """;

    /// <summary>Python: prints what the sandbox shows of the host (tools under /usr/local, the kernel's config,
    /// host-wide load figures, its own cgroup and mount table) and fails.</summary>
    public const string PythonHostProbe = """
        import os


        def _probe():
            try:
                entries = os.listdir("/usr/local")
                if entries:
                    print("FOUND /usr/local: " + ",".join(sorted(entries)[:10]))
            except OSError:
                pass
            try:
                with open("/proc/config.gz", "rb") as f:
                    if f.read(16):
                        print("FOUND /proc/config.gz is readable")
            except OSError:
                pass
            try:
                # The host's figures: its thread count (after the slash) is in the hundreds; a sandbox's own or a
                # neutral stand-in is not.
                with open("/proc/loadavg") as f:
                    text = f.read().strip()
                    fields = text.split()
                    if len(fields) >= 4 and "/" in fields[3] and int(fields[3].split("/")[1]) > 20:
                        print("FOUND /proc/loadavg: " + text)
            except (OSError, ValueError):
                pass
            for path in ("/proc/self/cgroup", "/proc/self/mountinfo"):
                try:
                    with open(path) as f:
                        print("SHOWN " + path + ": " + f.read().replace("\n", " | "))
                except OSError:
                    pass


        class Solution:
            def add_two(self, a, b):
                _probe()
                raise RuntimeError("probed")
        """;

    // ---- 2. re-sent start lines and forged results -----------------------------------------------------------

    /// <summary>Spins 1.2 s of CPU per call (the limit is 500 ms) and every 50 ms re-sends "S &lt;its index&gt;", an
    /// "H" and a result line for a test that does not exist.</summary>
    public static readonly Dictionary<LanguageId, string> ResendStart = new()
    {
        [LanguageId.JavaScript] = """
            const fs = process.mainModule.require("fs");
            let calls = 0;
            const cpu = () => {
                const u = process.cpuUsage();
                return (u.user + u.system) / 1e6;
            };
            const send = (line) => {
                try {
                    fs.writeSync(3, line + "\n");
                } catch (e) {
                    // closed
                }
            };

            var addTwo = function(a, b) {
                const index = calls++;
                const start = cpu();
                let mark = start;
                while (cpu() - start < 1.2) {
                    if (cpu() - mark >= 0.05) {
                        mark = cpu();
                        send("S " + index);
                        send("H");
                        send('R 7 {"ok":true,"value":3,"ms":0.001}');
                    }
                }
                return a + b;
            };
            """,
        [LanguageId.Python] = """
            import os, time


            class Solution:
                calls = 0

                def add_two(self, a, b):
                    index = Solution.calls
                    Solution.calls += 1
                    start = mark = time.process_time()
                    while time.process_time() - start < 1.2:
                        if time.process_time() - mark >= 0.05:
                            mark = time.process_time()
                            for line in ("S %d\n" % index, "H\n", 'R 7 {"ok":true,"value":3,"ms":0.001}\n'):
                                try:
                                    os.write(3, line.encode())
                                except OSError:
                                    pass
                    return a + b
            """,
        [LanguageId.Java] = """
            import java.io.*;
            import java.lang.management.*;

            class Solution {
                static int calls;
                static OutputStream control;

                static void send(String line) {
                    try {
                        if (control == null) control = new FileOutputStream("/proc/self/fd/3", true);
                        control.write((line + "\n").getBytes());
                    } catch (IOException e) {
                        // closed
                    }
                }

                public long addTwo(long a, long b) {
                    int index = calls++;
                    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
                    long start = bean.getCurrentThreadCpuTime();
                    long mark = start;
                    while (bean.getCurrentThreadCpuTime() - start < 1_200_000_000L) {
                        if (bean.getCurrentThreadCpuTime() - mark >= 50_000_000L) {
                            mark = bean.getCurrentThreadCpuTime();
                            send("S " + index);
                            send("H");
                            send("R 7 {\"ok\":true,\"value\":3,\"ms\":0.001}");
                        }
                    }
                    return a + b;
                }
            }
            """,
        [LanguageId.Cpp] = """
            #include <time.h>
            #include <unistd.h>

            static double cpu_seconds() {
                timespec t{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
                return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
            }

            static void send_line(const std::string& line) {
                std::string l = line + "\n";
                if (::write(3, l.data(), l.size()) < 0) {}
            }

            class Solution {
                static inline int calls = 0;
            public:
                long long addTwo(long long a, long long b) {
                    int index = calls++;
                    double start = cpu_seconds(), mark = start;
                    while (cpu_seconds() - start < 1.2) {
                        if (cpu_seconds() - mark >= 0.05) {
                            mark = cpu_seconds();
                            send_line("S " + std::to_string(index));
                            send_line("H");
                            send_line("R 7 {\"ok\":true,\"value\":3,\"ms\":0.001}");
                        }
                    }
                    return a + b;
                }
            };
            """,
    };

    /// <summary>Spins 300 ms of CPU, then reports its own correct result for the test it is in with "ms":0.001
    /// before returning (the harness's own result line follows).</summary>
    public static readonly Dictionary<LanguageId, string> ForgedFastResult = new()
    {
        [LanguageId.JavaScript] = """
            const fs = process.mainModule.require("fs");
            let calls = 0;
            const cpu = () => {
                const u = process.cpuUsage();
                return (u.user + u.system) / 1e6;
            };

            var addTwo = function(a, b) {
                const index = calls++;
                const start = cpu();
                while (cpu() - start < 0.3) {
                    // spin
                }
                fs.writeSync(3, "R " + index + ' {"ok":true,"value":' + (a + b) + ',"ms":0.001}\n');
                return a + b;
            };
            """,
        [LanguageId.Python] = """
            import json, os, time


            class Solution:
                calls = 0

                def add_two(self, a, b):
                    index = Solution.calls
                    Solution.calls += 1
                    start = time.process_time()
                    while time.process_time() - start < 0.3:
                        pass
                    os.write(3, ("R %d %s\n" % (index, json.dumps({"ok": True, "value": a + b, "ms": 0.001}))).encode())
                    return a + b
            """,
        [LanguageId.Java] = """
            import java.io.*;
            import java.lang.management.*;

            class Solution {
                static int calls;

                public long addTwo(long a, long b) throws IOException {
                    int index = calls++;
                    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
                    long start = bean.getCurrentThreadCpuTime();
                    while (bean.getCurrentThreadCpuTime() - start < 300_000_000L) {
                        // spin
                    }
                    try (FileOutputStream control = new FileOutputStream("/proc/self/fd/3", true)) {
                        control.write(("R " + index + " {\"ok\":true,\"value\":" + (a + b) + ",\"ms\":0.001}\n").getBytes());
                    }
                    return a + b;
                }
            }
            """,
        [LanguageId.Cpp] = """
            #include <time.h>
            #include <unistd.h>

            static double cpu_seconds() {
                timespec t{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
                return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
            }

            class Solution {
                static inline int calls = 0;
            public:
                long long addTwo(long long a, long long b) {
                    int index = calls++;
                    double start = cpu_seconds();
                    while (cpu_seconds() - start < 0.3) {}
                    std::string line = "R " + std::to_string(index) + " {\"ok\":true,\"value\":" + std::to_string(a + b) + ",\"ms\":0.001}\n";
                    if (::write(3, line.data(), line.size()) < 0) {}
                    return a + b;
                }
            };
            """,
    };

    // ---- 3. untimed set-up ------------------------------------------------------------------------------------

    public const string PythonModuleSpin = """
        import time

        _start = time.process_time()
        while time.process_time() - _start < 1.5:
            pass


        class Solution:
            def add_two(self, a, b):
                return a + b
        """;

    public const string PythonInitSpin = """
        import time


        class Solution:
            def __init__(self):
                start = time.process_time()
                while time.process_time() - start < 1.0:
                    pass

            def add_two(self, a, b):
                return a + b
        """;

    public const string JavaStaticSpin = """
        class Solution {
            static {
                java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
                long start = bean.getCurrentThreadCpuTime();
                while (bean.getCurrentThreadCpuTime() - start < 1_500_000_000L) {
                    // spin
                }
            }

            public long addTwo(long a, long b) {
                return a + b;
            }
        }
        """;

    public const string CppGlobalConstructorSpin = """
        #include <time.h>

        static double cpu_seconds() {
            timespec t{};
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
            return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
        }

        struct SlowStart {
            SlowStart() {
                double start = cpu_seconds();
                while (cpu_seconds() - start < 1.2) {}
            }
        } g_slow_start;

        class Solution {
        public:
            long long addTwo(long long a, long long b) { return a + b; }
        };
        """;

    // ---- 4. forged results ------------------------------------------------------------------------------------

    /// <summary>For a problem forge(line: string) -> integer whose one test expects 7: writes its input to fd 3 as one
    /// line (each character as one byte, so any byte can be sent), or a generated one: HUGE (a 50 MB value),
    /// LONGERROR (a 4 MB error text), DEEP&lt;n&gt; (a value nested n deep), BIGVALUE... (Python only: a 6 MB value,
    /// under a line cap that the input's own size raises); then answers 7, the right answer.</summary>
    public static readonly Dictionary<LanguageId, string> Forge = new()
    {
        [LanguageId.JavaScript] = """
            const fs = process.mainModule.require("fs");

            var forge = function(line) {
                let data;
                if (line === "HUGE") {
                    data = Buffer.concat([Buffer.from('R 0 {"ok":true,"value":"'), Buffer.alloc(50 << 20, 65), Buffer.from('","ms":0.001}')]);
                } else if (line === "LONGERROR") {
                    data = Buffer.concat([Buffer.from('R 0 {"ok":false,"kind":"runtime","error":"'), Buffer.alloc(4 << 20, 69),
                        Buffer.from('","line":null,"ms":0.001}')]);
                } else if (line.startsWith("DEEP")) {
                    const depth = parseInt(line.slice(4), 10);
                    data = Buffer.from('R 0 {"ok":true,"value":' + "[".repeat(depth) + "7" + "]".repeat(depth) + ',"ms":0.001}', "latin1");
                } else {
                    data = Buffer.from(line, "latin1");
                }
                data = Buffer.concat([data, Buffer.from("\n")]);
                for (let offset = 0; offset < data.length;) {
                    offset += fs.writeSync(3, data, offset, data.length - offset);
                }
                return 7;
            };
            """,
        [LanguageId.Python] = """
            import os


            class Solution:
                def forge(self, line: str) -> int:
                    if line == "HUGE":
                        data = b'R 0 {"ok":true,"value":"' + b"A" * (50 << 20) + b'","ms":0.001}'
                    elif line == "LONGERROR":
                        data = b'R 0 {"ok":false,"kind":"runtime","error":"' + b"E" * (4 << 20) + b'","line":null,"ms":0.001}'
                    elif line.startswith("DEEP"):
                        depth = int(line[4:])
                        data = b'R 0 {"ok":true,"value":' + b"[" * depth + b"7" + b"]" * depth + b',"ms":0.001}'
                    elif line.startswith("BIGVALUE"):
                        data = b'R 0 {"ok":true,"value":"' + b"A" * (6 << 20) + b'","ms":0.001}'
                    else:
                        data = line.encode("latin-1")
                    view = memoryview(data + b"\n")
                    while view:
                        view = view[os.write(3, view):]
                    return 7
            """,
        [LanguageId.Java] = """
            import java.io.*;
            import java.nio.charset.StandardCharsets;

            class Solution {
                static byte[] filled(String head, char fill, int count, String tail) {
                    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
                    byte[] t = tail.getBytes(StandardCharsets.ISO_8859_1);
                    byte[] out = new byte[h.length + count + t.length];
                    System.arraycopy(h, 0, out, 0, h.length);
                    Arrays.fill(out, h.length, h.length + count, (byte) fill);
                    System.arraycopy(t, 0, out, h.length + count, t.length);
                    return out;
                }

                public int forge(String line) throws IOException {
                    byte[] data;
                    if (line.equals("HUGE")) {
                        data = filled("R 0 {\"ok\":true,\"value\":\"", 'A', 50 << 20, "\",\"ms\":0.001}");
                    } else if (line.equals("LONGERROR")) {
                        data = filled("R 0 {\"ok\":false,\"kind\":\"runtime\",\"error\":\"", 'E', 4 << 20, "\",\"line\":null,\"ms\":0.001}");
                    } else if (line.startsWith("DEEP")) {
                        int depth = Integer.parseInt(line.substring(4));
                        data = ("R 0 {\"ok\":true,\"value\":" + "[".repeat(depth) + "7" + "]".repeat(depth) + ",\"ms\":0.001}")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    } else {
                        data = line.getBytes(StandardCharsets.ISO_8859_1);
                    }
                    try (FileOutputStream control = new FileOutputStream("/proc/self/fd/3", true)) {
                        control.write(data);
                        control.write('\n');
                    }
                    return 7;
                }
            }
            """,
        [LanguageId.Cpp] = """
            #include <unistd.h>

            static void send_all(const std::string& s) {
                const char* p = s.data();
                size_t n = s.size();
                while (n > 0) {
                    ssize_t w = ::write(3, p, n);
                    if (w <= 0) return;
                    p += w;
                    n -= static_cast<size_t>(w);
                }
            }

            // The harness hands over UTF-8; each character below 256 becomes one byte again.
            static std::string latin1(const std::string& utf8) {
                std::string out;
                for (size_t i = 0; i < utf8.size(); ++i) {
                    unsigned char c = static_cast<unsigned char>(utf8[i]);
                    if (c >= 0xC0 && c < 0xE0 && i + 1 < utf8.size()) {
                        out.push_back(static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F)));
                        ++i;
                    } else {
                        out.push_back(static_cast<char>(c));
                    }
                }
                return out;
            }

            class Solution {
            public:
                int forge(string line) {
                    std::string data;
                    if (line == "HUGE") {
                        data = "R 0 {\"ok\":true,\"value\":\"" + std::string(size_t(50) << 20, 'A') + "\",\"ms\":0.001}";
                    } else if (line == "LONGERROR") {
                        data = "R 0 {\"ok\":false,\"kind\":\"runtime\",\"error\":\"" + std::string(size_t(4) << 20, 'E') + "\",\"line\":null,\"ms\":0.001}";
                    } else if (line.rfind("DEEP", 0) == 0) {
                        int depth = std::stoi(line.substr(4));
                        data = "R 0 {\"ok\":true,\"value\":" + std::string(depth, '[') + "7" + std::string(depth, ']') + ",\"ms\":0.001}";
                    } else {
                        data = latin1(line);
                    }
                    send_all(data + "\n");
                    return 7;
                }
            };
            """,
    };

    // ---- 5. budget and wall caps ------------------------------------------------------------------------------

    public static readonly Dictionary<LanguageId, string> EndlessLoop = new()
    {
        [LanguageId.JavaScript] = """
            var addTwo = function(a, b) {
                while (true) {
                    // spin
                }
            };
            """,
        [LanguageId.Python] = """
            class Solution:
                def add_two(self, a, b):
                    while True:
                        pass
            """,
        [LanguageId.Java] = """
            class Solution {
                public long addTwo(long a, long b) {
                    while (true) {
                        // spin
                    }
                }
            }
            """,
        [LanguageId.Cpp] = """
            class Solution {
            public:
                long long addTwo(long long a, long long b) {
                    volatile long spin = 0;
                    while (true) spin = spin + 1;
                }
            };
            """,
    };

    public const string PythonSleepInInit = """
        import time


        class Solution:
            def __init__(self):
                time.sleep(60)

            def add_two(self, a, b):
                return a + b
        """;

    public const string PythonSleepInCall = """
        import time


        class Solution:
            def add_two(self, a, b):
                time.sleep(60)
                return a + b
        """;

    public const string PythonCrashEveryTest = """
        import ctypes, os


        class Solution:
            def add_two(self, a, b):
                ctypes.string_at(0)  # a real SIGSEGV (a signal sent to itself may be ignored)
                os._exit(1)
        """;

    // ---- JavaScript and TypeScript -----------------------------------------------------------------------------

    /// <summary>JavaScript, at load time and in its first call: stdin, opened again non-blocking (so it never waits
    /// for input that is not there), read to the end; at load it also waits 300 ms for an input to arrive. Anything
    /// like a test line it found is forged on fd 3 as test 0's failure, printed, and thrown from the call.</summary>
    public const string JavaScriptStdin = """
        const fs = process.mainModule.require("fs");
        const LINE = /\d*\t\[[-0-9,\[\]]*\]/g;

        function stdinNow(waitMs) {
            const seen = [];
            const until = Date.now() + waitMs;
            try {
                const fd = fs.openSync("/proc/self/fd/0", fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
                const buf = Buffer.alloc(1 << 20);
                do {
                    for (;;) {
                        let n = 0;
                        try {
                            n = fs.readSync(fd, buf, 0, buf.length, null);
                        } catch (e) {
                            break;
                        }
                        if (n <= 0) break;
                        seen.push(buf.toString("latin1", 0, n));
                    }
                } while (seen.length === 0 && Date.now() < until);
                fs.closeSync(fd);
            } catch (e) {
                // nothing to read
            }
            return seen;
        }

        function lines(texts) {
            const found = new Set();
            for (const text of texts) for (const m of text.match(LINE) || []) found.add(m);
            return [...found];
        }

        const FOUND = lines(stdinNow(300));
        if (FOUND.length > 0) {
            const text = "LEAK " + FOUND.join(" | ");
            console.log(text);
            for (const line of ["S 0", "R 0 " + JSON.stringify({ ok: false, kind: "runtime", error: text, line: null, ms: 0 })]) {
                try {
                    fs.writeSync(3, line + "\n");
                } catch (e) {
                    // closed
                }
            }
        }

        var addTwo = function(a, b) {
            const text = "LEAK " + lines([...FOUND, ...stdinNow(0)]).join(" | ");
            console.log(text);
            throw new Error(text.slice(0, 1900));
        };
        """;

    /// <summary>Spins 1.5 s of CPU at load time, before the first test could start.</summary>
    public const string JavaScriptModuleSpin = """
        const start = process.cpuUsage();
        while (process.cpuUsage(start).user < 1500000) {
            // spin
        }

        var addTwo = function(a, b) {
            return a + b;
        };
        """;

    /// <summary>TypeScript: spins 1.5 s at load time (performance.now is in the DOM lib LeetCode's TypeScript has).</summary>
    public const string TypeScriptModuleSpin = """
        const started = performance.now();
        while (performance.now() - started < 1500) {
            // spin
        }

        function addTwo(a: number, b: number): number {
            return a + b;
        }
        """;
}
