using System.Diagnostics;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Problems for the verdict-integrity tests (issue 11). Every one has the signature of the API tests' add-two
/// (addTwo, add_two in Python), so that the same hostile code attacks the engine here and the service in
/// CodeRoom.Api.Tests/VerdictIntegrityTests.
/// </summary>
internal static class IntegrityProblems
{
    /// <summary>A hidden input nothing else has: it must never reach a candidate.</summary>
    public const string HiddenMarkerInput = "987654321";

    /// <summary>The hidden test's expected output (never enters the sandbox at all).</summary>
    public const string HiddenMarkerExpected = "987654322";

    private const string AddSignature = """
        "signature": { "function_name": "addTwo", "function_names": { "python": "add_two" },
                       "params": [ { "name": "a", "type": "long" }, { "name": "b", "type": "long" } ], "return_type": "long" }
        """;

    private static Problem Add(string slug, int timeLimitMs, int publicTests, int hiddenTests, int memoryLimitMb = 256, bool marker = false)
    {
        var tests = new List<string>();
        for (var i = 0; i < publicTests; i++)
        {
            tests.Add($$"""{ "visibility": "public", "input": { "a": {{i + 1}}, "b": 2 }, "expected": {{i + 3}} }""");
        }
        for (var i = 0; i < hiddenTests; i++)
        {
            tests.Add(marker && i == hiddenTests - 1
                ? $$"""{ "visibility": "hidden", "input": { "a": {{HiddenMarkerInput}}, "b": 1 }, "expected": {{HiddenMarkerExpected}}, "category": "big" }"""
                : $$"""{ "visibility": "hidden", "input": { "a": {{-5 - i}}, "b": 5 }, "expected": {{-i}}, "category": "negatives" }""");
        }
        return JudgeFixture.Problem($$"""
            { "slug": "{{slug}}", "title": "{{slug}}", {{AddSignature}},
              "limits": { "time_limit_ms": {{timeLimitMs}}, "memory_limit_mb": {{memoryLimitMb}} },
              "tests": [ {{string.Join(",\n", tests)}} ] }
            """);
    }

    /// <summary>Two public tests, two hidden ones, the last hidden one with the marker. A roomy time limit, so that a
    /// memory scan has time to finish (the attack must get its chance).</summary>
    public static readonly Problem Leak = Add("integrity-leak", 2000, publicTests: 2, hiddenTests: 2, marker: true);

    /// <summary>A hidden test listed between two public ones: every public test must still run before it.</summary>
    public static readonly Problem Interleaved = JudgeFixture.Problem($$"""
        { "slug": "integrity-interleaved", "title": "Interleaved", {{AddSignature}},
          "tests": [ { "visibility": "public", "input": { "a": 1, "b": 2 }, "expected": 3 },
                     { "visibility": "hidden", "input": { "a": {{HiddenMarkerInput}}, "b": 1 }, "expected": {{HiddenMarkerExpected}}, "category": "big" },
                     { "visibility": "public", "input": { "a": 3, "b": 2 }, "expected": 5 } ] }
        """);

    /// <summary>One public test, 500 ms: a run is one test, so a per-process CPU limit cannot hide a bypass.</summary>
    public static readonly Problem Single = Add("integrity-single", 500, publicTests: 1, hiddenTests: 0);

    /// <summary>One public test, 10 s: for filling the memory limit, whose page faults alone cost about half a second of
    /// CPU on this kernel, more on a busy machine and several times more on a fresh VM (over 2 s in CI for 300 MB); the
    /// verdict asked for is the memory limit, not the time limit.</summary>
    public static readonly Problem SingleRoomy = Add("integrity-single-roomy", 10_000, publicTests: 1, hiddenTests: 0);

    /// <summary>250 ms per test, four tests: set-up work of a second or so must not be free.</summary>
    public static readonly Problem Tight = Add("integrity-tight", 250, publicTests: 2, hiddenTests: 2);

    /// <summary>Ten tests of 500 ms: ten times the per-test limit is far more than the run's 2 s budget.</summary>
    public static readonly Problem Many = Add("integrity-many", 500, publicTests: 2, hiddenTests: 8);

    /// <summary>A memory limit no other test uses: the warm pool has no sandbox for it until the first run asks, so
    /// the first Java run of it is cold and later ones are warm.</summary>
    public static Problem JavaPaths(int memoryLimitMb) => Add("integrity-java-" + memoryLimitMb, 2000, publicTests: 2, hiddenTests: 1,
        memoryLimitMb: memoryLimitMb);

    /// <summary>One public test whose input is the line the candidate forges on the control channel (see
    /// <see cref="Attacks.Forge"/>); an honest answer is 7.</summary>
    public static Problem Forge(string line) => JudgeFixture.Problem($$"""
        { "slug": "integrity-forge", "title": "Forge",
          "signature": { "function_name": "forge", "params": [ { "name": "line", "type": "string" } ], "return_type": "integer" },
          "limits": { "time_limit_ms": 2000 },
          "tests": [ { "visibility": "public", "input": { "line": {{JsonSerializer.Serialize(line)}} }, "expected": 7 } ] }
        """);
}

/// <summary>Checks shared by the integrity tests.</summary>
internal static class Integrity
{
    public static TheoryData<LanguageId> Languages => [LanguageId.Python, LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.Go, LanguageId.Rust, LanguageId.CSharp];

    /// <summary>What a candidate is shown of a result, serialised as the API and the CLI serialise it.</summary>
    public static string CandidateJson(JudgeResult result, JudgeMode mode) => JsonSerializer.Serialize(new
    {
        summary = CandidateView.Summary(result, mode),
        results = CandidateView.Results(result, mode, customInputs: false),
        compile = result.Compile?.Output,
    }, ContractJson.Options);

    public static void NoHiddenMarker(string text, string where)
    {
        Assert.False(text.Contains(IntegrityProblems.HiddenMarkerInput, StringComparison.Ordinal),
            $"the hidden input reached the candidate through {where}: {Excerpt(text, IntegrityProblems.HiddenMarkerInput)}");
        Assert.False(text.Contains(IntegrityProblems.HiddenMarkerExpected, StringComparison.Ordinal),
            $"the hidden expected output reached the candidate through {where}");
    }

    public static string Excerpt(string text, string around)
    {
        var at = text.IndexOf(around, StringComparison.Ordinal);
        return at < 0 ? (text.Length > 300 ? text[..300] + "..." : text) : "..." + text[Math.Max(0, at - 150)..Math.Min(text.Length, at + 150)] + "...";
    }

    /// <summary>Judges with a hard deadline of its own, so that a judge without run caps fails the test in bounded
    /// time instead of holding the suite for minutes; returns the result and the call's wall time.</summary>
    public static async Task<(JudgeResult Result, TimeSpan Wall)> JudgeWithDeadlineAsync(JudgeFixture fixture, Problem problem,
        LanguageId language, string code, JudgeMode mode, TimeSpan deadline)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(deadline);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await fixture.Engine.JudgeAsync(new JudgeRequest(problem, language, code, mode), cts.Token);
            return (result, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"the judge call was still running after {deadline.TotalSeconds:0} s (the run's wall cap is about 4 s plus start-up)");
            throw;
        }
    }

    /// <summary>A one-line description of a result for assertion messages.</summary>
    public static string Describe(JudgeResult result) =>
        $"{result.Verdict} {result.Passed}/{result.Total} cpu {result.CpuMs:0} ms wall {result.WallMs:0} ms; tests: "
        + string.Join("; ", result.Tests.Select(t => $"#{t.Index} {t.Verdict} cpu={t.CpuMs:0} rt={t.RuntimeMs:0.###} {Short(t.Error)}"))
        + (result.InternalMessage is { } m ? " internal: " + m : "");

    private static string Short(string? text) => text is null ? "" : text.Length > 120 ? text[..120] + "..." : text;
}
