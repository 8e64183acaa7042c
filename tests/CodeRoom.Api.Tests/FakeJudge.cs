using System.Text.Json.Nodes;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using TestResult = CodeRoom.Judge.TestResult;

namespace CodeRoom.Api.Tests;

/// <summary>A deterministic judge for the HTTP tests (the engine has its own suite with the real sandbox): it
/// "runs" add-two style problems by adding the inputs, and the code's markers choose the behaviour:
/// WRONG_HIDDEN / WRONG_PUBLIC answer one more than expected, COMPILE_ERROR fails to compile, SLOW takes 4 s,
/// BLOCK waits for <see cref="Release"/>.</summary>
public sealed class FakeJudge : ICodeJudge
{
    private readonly SemaphoreSlim _gate = new(0);

    public int Calls;

    public void Release(int count) => _gate.Release(count);

    public async Task<JudgeResult> JudgeAsync(Problem problem, LanguageId language, string code, JudgeMode mode,
        IReadOnlyList<TestCase>? tests, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (code.Contains("SLOW", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
        }
        if (code.Contains("BLOCK", StringComparison.Ordinal))
        {
            await _gate.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        if (code.Contains("COMPILE_ERROR", StringComparison.Ordinal))
        {
            return new JudgeResult
            {
                Verdict = Verdict.CompilationError,
                Passed = 0,
                Total = 0,
                Tests = [],
                Compile = new CompileInfo(false, "solution.cpp:3:5: error: expected ';'", 12, false),
            };
        }
        var run = tests ?? (mode == JudgeMode.Run ? problem.PublicTests.ToList() : problem.Tests);
        var results = new List<TestResult>();
        foreach (var t in run)
        {
            var sum = t.Input.Select(kv => kv.Value!.GetValue<long>()).Sum();
            var wrong = (code.Contains("WRONG_HIDDEN", StringComparison.Ordinal) && t.Visibility == TestVisibility.Hidden)
                || (code.Contains("WRONG_PUBLIC", StringComparison.Ordinal) && t.Visibility == TestVisibility.Public);
            JsonNode actual = JsonValue.Create(wrong ? sum + 1 : sum);
            bool? pass = t.Expected is null ? null : JsonNode.DeepEquals(actual, t.Expected);
            results.Add(new TestResult
            {
                Index = t.Index,
                Visibility = t.Visibility,
                Verdict = pass == false ? Verdict.WrongAnswer : Verdict.Accepted,
                Pass = pass,
                Input = t.Input,
                Actual = actual,
                Expected = t.Expected,
                RuntimeMs = 1.5,
                MemoryKb = 2048,
                Stdout = "debug " + sum,
                Category = t.Category,
                Error = null,
            });
        }
        var first = results.FirstOrDefault(r => r.Pass == false);
        return new JudgeResult
        {
            Verdict = first is null ? Verdict.Accepted : Verdict.WrongAnswer,
            Passed = results.Count(r => r.Pass != false),
            Total = results.Count,
            FirstFailingTest = first?.Index,
            Tests = results,
            PeakMemoryKb = 2048,
        };
    }

    public string StarterCode(Signature signature, LanguageId language) => $"// starter for {signature.FunctionNameFor(language)} in {language.WireName()}";
}
