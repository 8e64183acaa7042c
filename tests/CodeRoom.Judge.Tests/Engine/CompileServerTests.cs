using System.Text;
using CodeRoom.Judge.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Java's warm compile server (CompileServers + CodeRoomCompileServer.java), through the real engine and sandbox.</summary>
[Collection(nameof(JudgeCollection))]
public sealed class CompileServerTests(JudgeFixture fixture)
{
    private static int _unique;

    /// <summary>The Java two-sum solution with a comment no other compile had (a compile-cache miss).</summary>
    private static string Fresh(string code) => code + "\n// " + Guid.NewGuid().ToString("N") + Interlocked.Increment(ref _unique) + "\n";

    /// <summary>
    /// Compiles fresh code until the server (started by the first compile, in the background) answers. Under the shortest
    /// compile limit (1 s of CPU) a cold javac, a whole JVM start, may be stopped by it on a slow host (0.7-0.9 s of CPU
    /// outside any sandbox on a host with costly page faults): that is a cold compile's limit, not the server's, and the
    /// loop goes on. Anything else must be accepted.
    /// </summary>
    private static async Task<JudgeResult> UntilTheServerCompilesAsync(JudgeEngine engine, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, Fresh(Solutions.TwoSum[LanguageId.Java]),
                JudgeMode.Run), cancellationToken);
            var coldCompileStopped = result.Verdict == Verdict.CompilationError && !result.Compile!.ByCompileServer
                && result.Compile.Output == "compilation took longer than 1 s and was stopped";
            if (coldCompileStopped && DateTime.UtcNow <= deadline)
            {
                await Task.Delay(200, cancellationToken);
                continue;
            }
            Assert.Equal(Verdict.Accepted, result.Verdict);
            if (result.Compile!.ByCompileServer || DateTime.UtcNow > deadline)
            {
                return result;
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Java_compiles_on_the_warm_server_with_the_same_messages_as_javac()
    {
        var ct = TestContext.Current.CancellationToken;
        var served = await UntilTheServerCompilesAsync(fixture.Engine, ct);
        Assert.True(served.Compile!.ByCompileServer, "the compile server never answered");
        TestContext.Current.SendDiagnosticMessage($"compile on the warm server: {served.Compile.TimeMs:0.0} ms");

        const string broken = "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return missing;\n    }\n}\n";
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Java, Fresh(broken), JudgeMode.Run);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.True(result.Compile!.ByCompileServer);
        // javac's own format, the candidate's line numbers, no sandbox path.
        Assert.StartsWith("Solution.java:3: error: cannot find symbol", result.Compile.Output, StringComparison.Ordinal);
        Assert.Contains("symbol:   variable missing", result.Compile.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 error", result.Compile.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/box", result.Compile.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_compile_never_sees_the_classes_of_an_earlier_one()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await UntilTheServerCompilesAsync(fixture.Engine, ct)).Compile!.ByCompileServer);
        const string withHelper = """
            class Helper { static int[] pair(int a, int b) { return new int[] { a, b }; } }
            class Solution {
                public int[] twoSum(int[] nums, int target) {
                    for (int i = 0; i < nums.length; i++)
                        for (int j = i + 1; j < nums.length; j++)
                            if (nums[i] + nums[j] == target) return Helper.pair(i, j);
                    return new int[0];
                }
            }
            """;
        var first = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Java, Fresh(withHelper), JudgeMode.Run);
        Assert.Equal(Verdict.Accepted, first.Verdict);
        Assert.True(first.Compile!.ByCompileServer);

        var second = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Java,
            Fresh(withHelper.Replace("class Helper { static int[] pair(int a, int b) { return new int[] { a, b }; } }\n", "", StringComparison.Ordinal)),
            JudgeMode.Run);
        Assert.Equal(Verdict.CompilationError, second.Verdict);
        Assert.Contains("cannot find symbol", second.Compile!.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_caller_giving_up_mid_compile_leaves_the_server_warm()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await UntilTheServerCompilesAsync(fixture.Engine, ct)).Compile!.ByCompileServer);

        // About a second of a warm javac's time (far under the compile budget), given up after 300 ms: what the editor
        // does to every live check the candidate types past (issue 15). Cancelling the exchange used to kill the server.
        var big = new StringBuilder(Solutions.TwoSum[LanguageId.Java].TrimEnd().TrimEnd('}'));
        for (var i = 0; i < 6_000; i++)
        {
            big.Append("    int m").Append(i).Append("(int x) { int y = x * ").Append(i).Append(" + 1; for (int k = 0; k < y; k++) y ^= k << 1; return y; }\n");
        }
        big.Append("}\n");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        giveUp.CancelAfter(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, Fresh(big.ToString()), JudgeMode.Run), giveUp.Token));

        // The very next compile is the warm server's (a replaced server would send it the cold way while it restarts).
        var next = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Java, Fresh(Solutions.TwoSum[LanguageId.Java]), JudgeMode.Run);
        Assert.Equal(Verdict.Accepted, next.Verdict);
        Assert.True(next.Compile!.ByCompileServer, "the compile server was lost when a caller gave up");
    }

    /// <summary>A judge of its own (<see cref="OwnJudge"/>) without warm sandboxes.</summary>
    private static OwnJudge CompileServerJudge(Dictionary<string, string?> settings)
    {
        settings["Judge:WarmSandboxes"] = "0";
        return new OwnJudge("compile-server", 100, settings);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_judge_the_cache_answers_starts_the_server_so_that_the_next_fresh_compile_finds_it_warm()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = Path.Combine(Path.GetTempPath(), "coderoom-shared-cache-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var code = Fresh(Solutions.TwoSum[LanguageId.Java]);
            // A service that ran before (no compile server) left this compile in the cache.
            await using (var before = CompileServerJudge(new Dictionary<string, string?> { ["Judge:CompileCacheRoot"] = cache, ["Judge:CompileServers"] = "false" }))
            {
                Assert.False((await before.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, code, JudgeMode.Run), ct)).Compile!.Cached);
            }

            // A restarted one: its warm-up (or any judge) is a cache hit, which still starts the server.
            await using var judge = CompileServerJudge(new Dictionary<string, string?> { ["Judge:CompileCacheRoot"] = cache });
            var cached = await judge.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, code, JudgeMode.Run), ct);
            Assert.True(cached.Compile!.Cached);
            var servers = judge.Services.GetRequiredService<CompileServers>();
            for (var i = 0; i < 300 && !servers.IsLive(LanguageId.Java); i++)
            {
                await Task.Delay(100, ct);
            }
            Assert.True(servers.IsLive(LanguageId.Java), "no compile server was started by the cached judge");

            var fresh = await judge.Engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, Fresh(code), JudgeMode.Run), ct);
            Assert.Equal(Verdict.Accepted, fresh.Verdict);
            Assert.True(fresh.Compile!.ByCompileServer, "the first fresh compile went the cold way");
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_server_due_for_replacement_serves_until_its_replacement_is_warm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var judge = CompileServerJudge(new Dictionary<string, string?> { ["Judge:CompileServerMaxCompiles"] = "2" });
        var engine = judge.Engine;
        Assert.True((await UntilTheServerCompilesAsync(engine, ct)).Compile!.ByCompileServer);
        // Every second compile is due for a replacement; none of them may fall back to a cold javac meanwhile.
        for (var i = 0; i < 8; i++)
        {
            var result = await engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, Fresh(Solutions.TwoSum[LanguageId.Java]),
                JudgeMode.Run), ct);
            Assert.Equal(Verdict.Accepted, result.Verdict);
            Assert.True(result.Compile!.ByCompileServer, $"compile {i} went cold");
            await Task.Delay(300, ct); // room for a replacement to warm up and take over
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_compile_over_the_limit_is_stopped_and_the_server_is_replaced()
    {
        var ct = TestContext.Current.CancellationToken;
        // The shortest compile limit allowed.
        await using var judge = CompileServerJudge(new Dictionary<string, string?> { ["Judge:CompileCpuMs"] = "1000" });
        var engine = judge.Engine;
        Assert.True((await UntilTheServerCompilesAsync(engine, ct)).Compile!.ByCompileServer);

        // 30,000 methods: seconds of javac's time however warm it is.
        var big = new StringBuilder(Solutions.TwoSum[LanguageId.Java].TrimEnd().TrimEnd('}'));
        for (var i = 0; i < 30_000; i++)
        {
            big.Append("    int m").Append(i).Append("(int x) { int y = x * ").Append(i).Append(" + 1; for (int k = 0; k < y; k++) y ^= k << 1; return y; }\n");
        }
        big.Append("}\n");
        var stopped = await engine.JudgeAsync(new JudgeRequest(Problems.TwoSum, LanguageId.Java, big.ToString(), JudgeMode.Run), ct);
        Assert.Equal(Verdict.CompilationError, stopped.Verdict);
        Assert.True(stopped.Compile!.ByCompileServer);
        Assert.Equal("compilation took longer than 1 s and was stopped", stopped.Compile.Output);

        // The next compile goes cold while a new server starts, then the new server answers.
        var after = await UntilTheServerCompilesAsync(engine, ct);
        Assert.True(after.Compile!.ByCompileServer);
    }
}
