using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11, classes 4 and 5 of the issue: whatever the candidate writes as the current test's result line (huge,
/// deeply nested, non-string fields, garbage bytes, invalid UTF-8, NUL) is the candidate's own fault: a verdict for
/// that test, never internal_error and never an exception; the result stays small enough to store and show.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class ForgedResultTests(JudgeFixture fixture)
{
    /// <summary>The forged lines by name (see <see cref="Attacks.Forge"/>: each character is sent as one byte).</summary>
    private static readonly Dictionary<string, string> Lines = new()
    {
        ["huge-value"] = "HUGE",
        ["long-error"] = "LONGERROR",
        ["deep-100"] = "DEEP100",
        ["deep-10000"] = "DEEP10000",
        ["kind-number"] = """R 0 {"ok":false,"kind":5,"error":"x","line":null,"ms":0}""",
        ["kind-array"] = """R 0 {"ok":false,"kind":["memory"],"error":"x"}""",
        ["kind-null"] = """R 0 {"ok":false,"kind":null,"error":"x"}""",
        ["error-object"] = """R 0 {"ok":false,"kind":"runtime","error":{"nested":[1,2]}}""",
        ["line-string"] = """R 0 {"ok":false,"kind":"runtime","error":"x","line":"7; drop"}""",
        ["ok-string"] = """R 0 {"ok":"true","value":7}""",
        ["ok-without-value"] = """R 0 {"ok":true}""",
        ["number-overflow"] = """R 0 {"ok":true,"value":1e999}""",
        ["lone-surrogate"] = """R 0 {"ok":false,"kind":"runtime","error":"\ud800 x"}""",
        ["other-index"] = """R 5 {"ok":true,"value":7}""",
        ["garbage"] = "R 0 \u00ff\u00fe\u0001garbage{{{",
        ["invalid-utf8"] = "R 0 {\"ok\":true,\"value\":\"\u00ff\u00c0\"}",
        ["nul-after"] = "R 0 {\"ok\":true,\"value\":7}\u0000",
        ["nul-in-string"] = "R 0 {\"ok\":false,\"kind\":\"runtime\",\"error\":\"a\u0000b\"}",
    };

    public static TheoryData<LanguageId, string> Cases()
    {
        var data = new TheoryData<LanguageId, string>();
        foreach (var name in Lines.Keys)
        {
            data.Add(LanguageId.Python, name);
        }
        // The channel is the same for every language: the others send a representative few.
        foreach (var language in new[] { LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.Go })
        {
            foreach (var name in new[] { "huge-value", "deep-100", "deep-10000", "kind-number", "garbage", "nul-after" })
            {
                data.Add(language, name);
            }
        }
        return data;
    }

    [Theory(Timeout = 120_000), MemberData(nameof(Cases))]
    public async Task A_forged_result_line_is_a_verdict_for_the_candidate_and_stays_small(LanguageId language, string name)
    {
        JudgeResult result;
        TimeSpan wall;
        try
        {
            (result, wall) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Forge(Lines[name]), language, Attacks.Forge[language],
                JudgeMode.Run, TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is not OperationCanceledException and not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{name}: the judge threw instead of giving a verdict: {e.GetType().Name}: {e.Message}");
            throw;
        }

        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        var test = Assert.Single(result.Tests);
        // The honest answer (7) comes after the forged line: a judge that ignores the forged line would accept. Which
        // verdict is the judge's choice (writing 50 MB may even outlast the test's time).
        Assert.True(test.Verdict is Verdict.RuntimeError or Verdict.WrongAnswer or Verdict.OutputLimitExceeded or Verdict.TimeLimitExceeded,
            $"{name}: {Integrity.Describe(result)}");
        Assert.True(wall < TimeSpan.FromSeconds(20), $"{name}: the judge call took {wall.TotalSeconds:0.0} s");

        // What the API stores and shows, and the whole result, serialise (a value nested past 64 levels must not
        // break the writer) and stay small.
        string shown, whole;
        try
        {
            shown = Integrity.CandidateJson(result, JudgeMode.Run);
            whole = JsonSerializer.Serialize(result, ContractJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            Assert.Fail($"{name}: the result cannot be serialised: {e.GetType().Name}: {e.Message}");
            throw;
        }
        Assert.True(shown.Length < 1 << 20, $"{name}: the candidate's view is {shown.Length} chars");
        Assert.True(whole.Length < 1 << 20, $"{name}: the result is {whole.Length} chars");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_forged_value_under_the_line_cap_is_still_capped_before_it_is_shown()
    {
        // A 4 MB input raises the run's result-line cap (twice the largest input) above the 6 MB value forged: the line
        // is parsed, but what is kept and shown of the value must still be capped.
        var problem = IntegrityProblems.Forge("BIGVALUE" + new string('x', 4 << 20));
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, problem, LanguageId.Python, Attacks.Forge[LanguageId.Python],
            JudgeMode.Run, TimeSpan.FromSeconds(60));
        var test = Assert.Single(result.Tests);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        Assert.NotEqual(Verdict.Accepted, test.Verdict);
        var actual = test.Actual?.ToJsonString() ?? "";
        Assert.True(actual.Length < 1 << 20, $"the actual value kept is {actual.Length} chars");
        Assert.True((test.Error ?? "").Length < 1 << 20, $"the error kept is {test.Error!.Length} chars");
        var shown = Assert.Single(CandidateView.Results(result, JudgeMode.Run, customInputs: false)!);
        Assert.True((shown.Actual?.ToJsonString() ?? "").Length < 1 << 20, "the run shows the whole forged value");
    }
}
