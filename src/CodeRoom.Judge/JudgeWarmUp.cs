using System.Diagnostics;
using System.Text.Json;
using CodeRoom.Judge.Contract;
using Microsoft.Extensions.Logging;

namespace CodeRoom.Judge;

/// <summary>
/// Judges a tiny problem once per language when a service starts, so that the first candidate of the day does not
/// pay for what the judge builds or starts once: the prebuilt artifacts (C++ precompiled header, Java harness classes),
/// Java's compile server and the warm sandboxes. Its verdicts are only logged; a failure is a warning, never a
/// crashed start.
/// </summary>
public sealed partial class JudgeWarmUp(JudgeEngine engine, ILogger<JudgeWarmUp> logger)
{
    private static readonly Problem Echo = Parse("""
        { "slug": "coderoom-warm-up", "title": "Warm-up",
          "signature": { "function_name": "echo", "params": [ { "name": "x", "type": "integer" } ], "return_type": "integer" },
          "tests": [ { "visibility": "public", "input": { "x": 7 }, "expected": 7 } ] }
        """);

    private static readonly Dictionary<LanguageId, string> Code = new()
    {
        [LanguageId.Python] = "class Solution:\n    def echo(self, x: int) -> int:\n        return x\n",
        [LanguageId.Java] = "class Solution {\n    public int echo(int x) {\n        return x;\n    }\n}\n",
        [LanguageId.Cpp] = "class Solution {\npublic:\n    int echo(int x) {\n        return x;\n    }\n};\n",
        [LanguageId.JavaScript] = "var echo = function(x) {\n    return x;\n};\n",
        [LanguageId.TypeScript] = "function echo(x: number): number {\n    return x;\n};\n",
        [LanguageId.Go] = "func echo(x int) int {\n    return x\n}\n",
        [LanguageId.Rust] = "impl Solution {\n    pub fn echo(x: i32) -> i32 {\n        x\n    }\n}\n",
        [LanguageId.CSharp] = "public class Solution {\n    public int Echo(int x) {\n        return x;\n    }\n}\n",
    };

    private static Problem Parse(string json)
    {
        var (problem, errors) = ProblemValidator.Validate(JsonSerializer.Deserialize<ProblemDefinition>(json, ContractJson.Options));
        return problem ?? throw new InvalidOperationException("the warm-up problem is invalid: " + string.Join("; ", errors));
    }

    /// <summary>Judges the warm-up problem in every configured language; returns each language's result.</summary>
    public async Task<IReadOnlyDictionary<LanguageId, JudgeResult>> WarmUpAsync(CancellationToken cancellationToken)
    {
        var results = new Dictionary<LanguageId, JudgeResult>();
        var total = Stopwatch.StartNew();
        foreach (var language in engine.Languages.Where(Code.ContainsKey).Order())
        {
            var clock = Stopwatch.StartNew();
            var result = await engine.JudgeAsync(new JudgeRequest(Echo, language, Code[language], JudgeMode.Run), cancellationToken)
                .ConfigureAwait(false);
            results[language] = result;
            if (result.Verdict == Verdict.Accepted)
            {
                LogWarmedUp(language, clock.Elapsed.TotalMilliseconds);
            }
            else
            {
                LogWarmUpFailed(language, result.Verdict, Describe(result));
            }
        }
        LogWarmUpDone(total.Elapsed.TotalMilliseconds);
        return results;
    }

    /// <summary>Why a warm-up run did not pass, for the operator: what failed and what the program said.</summary>
    public static string Describe(JudgeResult result)
    {
        var failed = result.Tests.FirstOrDefault(t => t.Verdict != Verdict.Accepted);
        var parts = new[]
        {
            result.InternalMessage, result.Compile is { Ok: false } compile ? compile.Output : null,
            failed?.Error, failed?.Stderr, failed?.Stdout,
        };
        return string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judge warmed up for {Language} in {Ms:0} ms")]
    private partial void LogWarmedUp(LanguageId language, double ms);

    /// <summary>The line `coderoom bench` waits for before it measures (<see cref="WarmUpDoneMessage"/>).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = WarmUpDoneMessage + " in {Ms:0} ms")]
    private partial void LogWarmUpDone(double ms);

    public const string WarmUpDoneMessage = "Judge warm-up done";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Judge warm-up for {Language} ended {Verdict}: {Detail}")]
    private partial void LogWarmUpFailed(LanguageId language, Verdict verdict, string detail);
}
