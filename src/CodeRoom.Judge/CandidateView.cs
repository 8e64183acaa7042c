using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge;

/// <summary>One test's result as a candidate may see it: public tests and custom inputs only.</summary>
public sealed record TestResultResponse
{
    public required string TestId { get; init; }
    public required string Verdict { get; init; }

    /// <summary>null when there was nothing to compare with (a custom input without a reference solution).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? Pass { get; init; }

    public JsonObject? Input { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Actual { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Expected { get; init; }

    public double? RuntimeMs { get; init; }
    public long? MemoryKb { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public string? Error { get; init; }
    public int? ErrorLine { get; init; }

    /// <summary>Custom inputs: why there is no expected value (no reference solution, or it failed on the input).</summary>
    public string? ExpectedNote { get; init; }
}

public sealed record SummaryResponse
{
    public required int Passed { get; init; }
    public required int Total { get; init; }

    /// <summary>The verdict: accepted, wrong_answer, ..., internal_error.</summary>
    public required string Status { get; init; }

    /// <summary>Submit: index of the first failing test in the submission's test list.</summary>
    public int? FirstFailingTest { get; init; }

    /// <summary>Submit: the failing test's category label when it is hidden (never its data).</summary>
    public string? FirstFailingCategory { get; init; }

    /// <summary>Submit: the error message when the first failing test is public.</summary>
    public string? FirstFailingError { get; init; }
}

/// <summary>
/// What a candidate may see of a judge result, shared by the API (run, submit, status) and `coderoom judge --json`:
/// per-test detail for public tests and custom inputs only; for a submission, the summary, and of a failing hidden
/// test at most its category label, never its input, expected or actual output.
/// </summary>
public static class CandidateView
{
    public static string Verdict(Verdict verdict) => JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.ToString());

    public static SummaryResponse Summary(JudgeResult result, JudgeMode mode)
    {
        var summary = new SummaryResponse { Passed = result.Passed, Total = result.Total, Status = Verdict(result.Verdict) };
        if (mode == JudgeMode.Submit && result.FirstFailingTest is int failing)
        {
            var failed = result.Tests.FirstOrDefault(t => t.Index == failing);
            summary = summary with
            {
                FirstFailingTest = failing,
                FirstFailingCategory = failed?.Visibility == TestVisibility.Hidden ? failed.Category : null,
                FirstFailingError = failed?.Visibility == TestVisibility.Public ? failed.Error : null,
            };
        }
        return summary;
    }

    /// <summary>The public tests' (or custom inputs') results; null for a submission, which shows the summary only.</summary>
    public static List<TestResultResponse>? Results(JudgeResult result, JudgeMode mode, bool customInputs,
        IReadOnlyDictionary<int, string>? expectedNotes = null) =>
        mode != JudgeMode.Run ? null : result.Tests.Where(t => t.Visibility == TestVisibility.Public).Select(t => new TestResultResponse
        {
            TestId = (customInputs ? "custom-" : "public-") + t.Index.ToString(CultureInfo.InvariantCulture),
            Verdict = Verdict(t.Verdict),
            Pass = t.Pass,
            Input = t.Input,
            Actual = t.Actual,
            Expected = t.Expected,
            RuntimeMs = t.RuntimeMs,
            MemoryKb = t.MemoryKb,
            Stdout = t.Stdout,
            Stderr = t.Stderr,
            Error = t.Error,
            ErrorLine = t.ErrorLine,
            ExpectedNote = expectedNotes?.GetValueOrDefault(t.Index),
        }).ToList();
}
