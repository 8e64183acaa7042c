using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Hostile Go, judged end to end (the prebuilt standard library, the sandboxed compile, the run): processes it
/// spawns (os/exec, syscall.ForkExec, a raw fork) stay in the empty sandbox, the network is not there, host files and
/// the service's environment are not there, goroutine and thread bombs, output floods and unsafe writes end in a
/// verdict within the run's caps, never in an internal error.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class GoAdversarialTests(JudgeFixture fixture)
{
    /// <summary>probe(n) -> string, expected "done": the attack prints what it saw and returns "done".</summary>
    private static readonly Problem Probe = JudgeFixture.Problem("""
        { "slug": "probe", "title": "Probe",
          "signature": { "function_name": "probe", "params": [ { "name": "n", "type": "integer" } ], "return_type": "string" },
          "limits": { "time_limit_ms": 2000, "memory_limit_mb": 256 },
          "tests": [ { "visibility": "public", "input": { "n": 1 }, "expected": "done" } ] }
        """);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    private async Task<(JudgeResult Result, string Stdout)> ProbeAsync(string code)
    {
        var (result, wall) = await Integrity.JudgeWithDeadlineAsync(fixture, Probe, LanguageId.Go, code, JudgeMode.Run, Deadline);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        Assert.NotEqual(Verdict.CompilationError, result.Verdict);
        Assert.True(wall < Deadline, Integrity.Describe(result));
        return (result, result.Tests.Count > 0 ? result.Tests[0].Stdout ?? "" : "");
    }

    [Fact(Timeout = 90_000)]
    public async Task Processes_from_os_exec_ForkExec_and_a_raw_fork_run_inside_the_same_empty_sandbox()
    {
        const string code = """
            import (
                "os"
                "os/exec"
                "syscall"
            )

            func probe(n int) string {
                out, err := exec.Command("/bin/sh", "-c", "echo exec uid=$(id -u); cat /etc/shadow; ls /work; ls /").CombinedOutput()
                fmt.Printf("%s|%v\n", out, err)
                pid, err := syscall.ForkExec("/bin/ls", []string{"ls", "/home", "/root"}, &syscall.ProcAttr{Files: []uintptr{0, 1, 2}})
                fmt.Println("forkexec", pid, err)
                if pid > 0 {
                    var status syscall.WaitStatus
                    syscall.Wait4(pid, &status, 0, nil)
                }
                r1, _, errno := syscall.RawSyscall(syscall.SYS_FORK, 0, 0, 0)
                if r1 == 0 && errno == 0 {
                    os.Exit(0) // the child
                }
                fmt.Println("fork", r1, errno)
                fmt.Println("pid", os.Getpid(), "ppid", os.Getppid())
                return "done"
            }
            """;
        var (result, stdout) = await ProbeAsync(code);
        Assert.True(result.Verdict == Verdict.Accepted, Integrity.Describe(result) + "\n" + stdout);
        Assert.Matches(@"exec uid=\d{5}", stdout);
        Assert.Contains("/etc/shadow: No such file or directory", stdout, StringComparison.Ordinal);
        Assert.Contains("ls: cannot access '/work'", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", stdout, StringComparison.Ordinal);
        Assert.Matches(@"forkexec \d+ <nil>", stdout);
    }

    [Fact(Timeout = 90_000)]
    public async Task Tcp_udp_and_dns_fail_before_any_packet_leaves()
    {
        const string code = """
            import (
                "net"
                "time"
            )

            func probe(n int) string {
                for _, address := range []string{"1.1.1.1:80", "127.0.0.1:5432", "127.0.0.1:6379", "[::1]:80"} {
                    conn, err := net.DialTimeout("tcp", address, time.Second)
                    if err == nil {
                        fmt.Println("CONNECTED", address)
                        conn.Close()
                    } else {
                        fmt.Println("tcp", address, "failed")
                    }
                }
                if conn, err := net.Dial("udp", "8.8.8.8:53"); err == nil {
                    _, werr := conn.Write([]byte("x"))
                    fmt.Println("udp write", werr)
                } else {
                    fmt.Println("udp failed")
                }
                addrs, err := net.LookupHost("example.com")
                fmt.Println("dns", len(addrs), err != nil)
                return "done"
            }
            """;
        var (result, stdout) = await ProbeAsync(code);
        Assert.True(result.Verdict == Verdict.Accepted, Integrity.Describe(result) + "\n" + stdout);
        Assert.DoesNotContain("CONNECTED", stdout, StringComparison.Ordinal);
        Assert.Contains("tcp 1.1.1.1:80 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("tcp 127.0.0.1:5432 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("dns 0 true", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("udp write <nil>", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task Host_files_the_judges_files_and_its_environment_are_not_there()
    {
        var assemblyDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var code = """
            import "os"

            func probe(n int) string {
                for _, path := range []string{"/etc/shadow", "/etc/passwd", "/root", "/home", "/var/lib/coderoom", "/proc/1/environ", "ASSEMBLY"} {
                    if data, err := os.ReadFile(path); err == nil {
                        fmt.Println(path, "READ", len(data))
                    } else if entries, err := os.ReadDir(path); err == nil {
                        fmt.Println(path, "LISTED", len(entries))
                    } else {
                        fmt.Println(path, "missing")
                    }
                }
                entries, _ := os.ReadDir("/")
                names := []string{}
                for _, e := range entries {
                    names = append(names, e.Name())
                }
                fmt.Println("root", strings.Join(names, ","))
                env := os.Environ()
                sort.Strings(env)
                fmt.Println("env", strings.Join(env, ";"))
                return "done"
            }
            """.Replace("ASSEMBLY", assemblyDirectory, StringComparison.Ordinal);
        var (result, stdout) = await ProbeAsync(code);
        Assert.True(result.Verdict == Verdict.Accepted, Integrity.Describe(result) + "\n" + stdout);
        // /proc/1 is the sandbox's own init (a fresh pid namespace): its environment reads as empty.
        Assert.DoesNotMatch(@" READ [1-9]", stdout);
        Assert.Contains("/etc/shadow missing", stdout, StringComparison.Ordinal);
        Assert.Contains(assemblyDirectory + " missing", stdout, StringComparison.Ordinal);
        Assert.Contains("/var/lib/coderoom missing", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CODEROOM", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox__", stdout, StringComparison.Ordinal);
        Assert.Contains("GOMAXPROCS=1", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_goroutine_bomb_and_a_thread_bomb_end_in_a_verdict()
    {
        // A million sleeping goroutines: their stacks reach the memory limit or the CPU limit first.
        const string goroutines = """
            import "time"

            func probe(n int) string {
                for {
                    go func() { time.Sleep(time.Hour) }()
                }
            }
            """;
        var (many, _) = await ProbeAsync(goroutines);
        Assert.Contains(many.Verdict, new[] { Verdict.MemoryLimitExceeded, Verdict.TimeLimitExceeded, Verdict.RuntimeError });
        // Goroutines blocked in system calls each hold an OS thread: the pids limit stops the runtime from making
        // more, and the runtime dies of it ("failed to create new OS thread"), not our machinery. A runtime throw
        // prints every goroutine's stack, whatever GOTRACEBACK says: with 10,000 of them that is megabytes of
        // stderr, so the verdict may be the output limit rather than the runtime error.
        const string threads = """
            import "syscall"

            func probe(n int) string {
                var fds [2]int
                syscall.Pipe(fds[:])
                for i := 0; i < 10000; i++ {
                    go func() {
                        buf := make([]byte, 1)
                        syscall.Read(fds[0], buf)
                    }()
                }
                time.Sleep(3 * time.Second)
                return "done"
            }
            """;
        var (blocked, _) = await ProbeAsync(threads);
        Assert.True(blocked.Verdict is Verdict.RuntimeError or Verdict.OutputLimitExceeded or Verdict.TimeLimitExceeded,
            Integrity.Describe(blocked));
    }

    [Fact(Timeout = 90_000)]
    public async Task An_output_flood_and_unsafe_writes_end_in_a_verdict()
    {
        const string flood = """
            import "os"

            func probe(n int) string {
                line := []byte(strings.Repeat("x", 4095) + "\n")
                for {
                    os.Stdout.Write(line)
                    os.Stderr.Write(line)
                }
            }
            """;
        var (flooded, _) = await ProbeAsync(flood);
        Assert.Contains(flooded.Verdict, new[] { Verdict.OutputLimitExceeded, Verdict.TimeLimitExceeded });
        const string unsafeWrite = """
            import "unsafe"

            func probe(n int) string {
                p := (*int)(unsafe.Pointer(uintptr(0x10)))
                *p = n
                return "done"
            }
            """;
        var (crashed, _) = await ProbeAsync(unsafeWrite);
        Assert.Equal(Verdict.RuntimeError, crashed.Verdict);
    }
}
