using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 14: hostile C# in the judge's real .NET runtime and sandbox: child processes, the network, host files and the
/// environment, thread and memory bombs, output floods, and unsafe code or P/Invoke straight to libc (fork, socket,
/// open) and Marshal writes into the runtime's memory. Each gets a verdict like any other language's, finds nothing
/// of the host, and leaves the judge able to judge the next run.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class CSharpSandboxTests(JudgeFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<JudgeResult> JudgeAsync(string code, Problem? problem = null)
    {
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, problem ?? IntegrityProblems.Single, LanguageId.CSharp, code, JudgeMode.Run, Deadline);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        Assert.NotEqual(Verdict.CompilationError, result.Verdict);
        return result;
    }

    /// <summary>After an attack, an honest solution is still judged accepted (nothing left behind holds a slot or the
    /// warm pool).</summary>
    private async Task AssertJudgeStillWorksAsync()
    {
        var result = await JudgeAsync("public class Solution {\n    public long AddTwo(long a, long b) => a + b;\n}\n");
        Assert.True(result.Verdict == Verdict.Accepted, Integrity.Describe(result));
    }

    [Fact(Timeout = 120_000)]
    public async Task Process_Start_runs_inside_the_same_empty_sandbox()
    {
        const string code = """
            using System.Diagnostics;

            public class Solution {
                public long AddTwo(long a, long b) {
                    foreach (var (file, args) in new[] { ("/bin/cat", "/etc/shadow"), ("/bin/ls", "/work /root /home"), ("/usr/bin/id", "") }) {
                        try {
                            var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true });
                            var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
                            p.WaitForExit();
                            Console.WriteLine("RAN " + file + ": " + text.Replace('\n', ' '));
                        } catch (Exception e) {
                            Console.WriteLine("FAILED " + file + ": " + e.GetType().Name);
                        }
                    }
                    return a + b;
                }
            }
            """;
        var result = await JudgeAsync(code);
        var stdout = Assert.Single(result.Tests).Stdout ?? "";
        Assert.DoesNotContain("root:", stdout);
        Assert.Contains("/etc/shadow", stdout);
        Assert.DoesNotContain("uid=0", stdout);
        await AssertJudgeStillWorksAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Sockets_and_dns_fail_and_no_connection_is_made()
    {
        const string code = """
            using System.Net;
            using System.Net.Sockets;

            public class Solution {
                public long AddTwo(long a, long b) {
                    foreach (var port in new[] { 5432, 6379, 80 }) {
                        try {
                            using var client = new TcpClient();
                            client.Connect(port == 80 ? "1.1.1.1" : "127.0.0.1", port);
                            Console.WriteLine("CONNECTED " + port);
                        } catch (Exception e) {
                            Console.WriteLine("refused " + port + " " + e.GetType().Name);
                        }
                    }
                    try {
                        Console.WriteLine("RESOLVED " + Dns.GetHostAddresses("example.com").Length);
                    } catch (Exception e) {
                        Console.WriteLine("dns " + e.GetType().Name);
                    }
                    return a + b;
                }
            }
            """;
        var result = await JudgeAsync(code);
        var stdout = Assert.Single(result.Tests).Stdout ?? "";
        Assert.DoesNotContain("CONNECTED", stdout);
        Assert.DoesNotContain("RESOLVED", stdout);
        Assert.Contains("refused 5432", stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task Host_files_the_service_and_its_environment_are_not_there()
    {
        var judgeDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var code = """
            using System.IO;

            public class Solution {
                public long AddTwo(long a, long b) {
                    foreach (var path in new[] { "/etc/shadow", "/etc/passwd", "/root", "/work", "/var/lib", "JUDGE_DIR" }) {
                        try {
                            if (Directory.Exists(path)) Console.WriteLine("LISTED " + path + " " + string.Join(",", Directory.GetFileSystemEntries(path)));
                            else Console.WriteLine("READ " + path + " " + File.ReadAllText(path).Length);
                        } catch (Exception e) {
                            Console.WriteLine("denied " + path + " " + e.GetType().Name);
                        }
                    }
                    Console.WriteLine("root " + string.Join(",", Directory.GetFileSystemEntries("/").Order()));
                    foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) Console.WriteLine("env " + e.Key);
                    return a + b;
                }
            }
            """.Replace("JUDGE_DIR", judgeDirectory, StringComparison.Ordinal);
        var result = await JudgeAsync(code);
        var stdout = Assert.Single(result.Tests).Stdout ?? "";
        Assert.DoesNotContain("READ /etc/shadow", stdout);
        Assert.DoesNotContain("LISTED /work", stdout);
        Assert.DoesNotContain("LISTED /root", stdout);
        Assert.DoesNotContain(judgeDirectory + " ", stdout.Replace("denied " + judgeDirectory + " ", "", StringComparison.Ordinal));
        Assert.True(stdout.Contains("root /bin,/box,/dev,/lib,/lib64,/opt,/proc,/tmp,/usr", StringComparison.Ordinal), Integrity.Describe(result) + stdout);
        // Only what the runtime needs: no secrets, no connection strings, no sandbox configuration.
        var names = stdout.Split('\n').Where(l => l.StartsWith("env ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        Assert.All(names, n => Assert.True(n.StartsWith("DOTNET_", StringComparison.Ordinal)
            || n is "HOME" or "LANG" or "LC_ALL" or "TZ" or "PATH" or "PWD", $"environment variable {n}"));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_thread_bomb_is_held_by_the_pids_limit_and_every_threads_cpu_is_charged()
    {
        const string code = """
            using System.Threading;

            public class Solution {
                public long AddTwo(long a, long b) {
                    int started = 0;
                    try {
                        for (int i = 0; i < 500; i++) {
                            new Thread(() => { long n = 0; while (true) n++; }) { IsBackground = true }.Start();
                            started++;
                        }
                    } catch (Exception e) {
                        Console.WriteLine("stopped at " + started + " " + e.GetType().Name);
                    }
                    while (true) { }
                }
            }
            """;
        var result = await JudgeAsync(code);
        var test = Assert.Single(result.Tests);
        Assert.True(test.Verdict is Verdict.TimeLimitExceeded or Verdict.RuntimeError, Integrity.Describe(result));
        await AssertJudgeStillWorksAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Unmanaged_memory_growth_is_a_memory_limit()
    {
        const string code = """
            using System.Runtime.InteropServices;

            public class Solution {
                public long AddTwo(long a, long b) {
                    var blocks = new List<IntPtr>();
                    while (true) {
                        var p = Marshal.AllocHGlobal(1 << 20);
                        for (int i = 0; i < 1 << 20; i += 4096) Marshal.WriteByte(p, i, 1);
                        blocks.Add(p);
                    }
                }
            }
            """;
        var result = await JudgeAsync(code, IntegrityProblems.SingleRoomy);
        Assert.True(Assert.Single(result.Tests).Verdict == Verdict.MemoryLimitExceeded, Integrity.Describe(result));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_stdout_flood_is_an_output_limit()
    {
        const string code = """
            public class Solution {
                public long AddTwo(long a, long b) {
                    var line = new string('x', 4096);
                    while (true) Console.Out.Write(line);
                }
            }
            """;
        var result = await JudgeAsync(code);
        var test = Assert.Single(result.Tests);
        Assert.True(test.Verdict is Verdict.OutputLimitExceeded, Integrity.Describe(result));
        Assert.True((test.Stdout?.Length ?? 0) < 1 << 20);
    }

    [Fact(Timeout = 120_000)]
    public async Task PInvoke_to_libc_fork_socket_and_open_stays_in_the_sandbox()
    {
        const string code = """
            using System.Runtime.InteropServices;

            public unsafe class Solution {
                [DllImport("libc", SetLastError = true)] static extern int fork();
                [DllImport("libc", SetLastError = true)] static extern int socket(int domain, int type, int protocol);
                [DllImport("libc", SetLastError = true)] static extern int open(string path, int flags);
                [DllImport("libc")] static extern void _exit(int code);
                [DllImport("libc")] static extern int waitpid(int pid, int* status, int options);

                public long AddTwo(long a, long b) {
                    int s = socket(2, 1, 0);
                    Console.WriteLine("socket " + (s < 0 ? "failed " + Marshal.GetLastPInvokeError() : "OPENED"));
                    int fd = open("/etc/shadow", 0);
                    Console.WriteLine("open " + (fd < 0 ? "failed " + Marshal.GetLastPInvokeError() : "OPENED"));
                    int pid = fork();
                    if (pid == 0) _exit(0);
                    int status = 0;
                    if (pid > 0) waitpid(pid, &status, 0);
                    Console.WriteLine("fork " + (pid < 0 ? "failed" : "child exited"));
                    return a + b;
                }
            }
            """;
        var result = await JudgeAsync(code);
        var test = Assert.Single(result.Tests);
        // A seccomp kill is a runtime error; a refusal returns -1. Either way nothing on the host is reached.
        Assert.True(test.Verdict is Verdict.Accepted or Verdict.RuntimeError, Integrity.Describe(result));
        Assert.DoesNotContain("OPENED", test.Stdout ?? "");
        await AssertJudgeStillWorksAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Marshal_writes_that_corrupt_the_runtime_are_the_candidates_runtime_error()
    {
        const string code = """
            using System.Runtime.InteropServices;

            public unsafe class Solution {
                public long AddTwo(long a, long b) {
                    // Scribble over the managed heap around a live object, then over a wild address.
                    var victim = new long[16];
                    fixed (long* p = victim) {
                        for (int i = -4096; i < 4096; i++) Marshal.WriteInt64((IntPtr)(p + i), -1);
                    }
                    GC.Collect();
                    Marshal.WriteInt64((IntPtr)0x10, 42);
                    return a + b;
                }
            }
            """;
        var result = await JudgeAsync(code);
        var test = Assert.Single(result.Tests);
        Assert.True(test.Verdict is Verdict.RuntimeError or Verdict.WrongAnswer or Verdict.TimeLimitExceeded, Integrity.Describe(result));
        await AssertJudgeStillWorksAsync();
    }
}
