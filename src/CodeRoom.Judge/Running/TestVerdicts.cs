using CodeRoom.Judge.Comparison;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge.Running;

/// <summary>Turns what the supervisor and the harness said about a test into its result: checked type, comparison
/// here, outside the sandbox, and the supervisor's measurements.</summary>
internal static class TestVerdicts
{
    public static TestResult Finish(Problem problem, TestCase test, RawTest raw, int? crashLine)
    {
        var result = new TestResult
        {
            Index = test.Index,
            Visibility = test.Visibility,
            Verdict = raw.Verdict ?? Verdict.Accepted,
            Input = test.Input,
            Expected = test.Expected,
            // The supervisor's measurement: CPU time from handing the input over to reading the result.
            RuntimeMs = raw.CpuMs is { } cpu ? Math.Round(cpu, 3) : null,
            CpuMs = raw.CpuMs,
            MemoryKb = raw.MemoryBytes / 1024,
            Stdout = raw.Stdout,
            Stderr = raw.Stderr,
            Error = raw.Error,
            Category = test.Category,
        };
        switch (raw.Report)
        {
            case TestReport.Failed failed:
                var line = failed.Line ?? crashLine;
                return result with
                {
                    Verdict = failed.Kind == TestReport.FailureKind.Memory ? Verdict.MemoryLimitExceeded : Verdict.RuntimeError,
                    Pass = false,
                    Error = line is null ? failed.Error : $"{failed.Error} (line {line})",
                    ErrorLine = line,
                };
            case TestReport.Returned returned:
                var actual = returned.Value?.DeepClone();
                if (test.Expected is null)
                {
                    // A custom input without a reference answer: shown with its output only.
                    return result with { Actual = actual, Pass = null };
                }
                if (ValueValidator.Check(actual, problem.Signature.JudgedType, "$") is { } typeError)
                {
                    return result with
                    {
                        Actual = actual,
                        Verdict = Verdict.WrongAnswer,
                        Pass = false,
                        DiffPath = "$",
                        Error = "the returned value has the wrong type: " + CandidateText.Sanitize(typeError, HarnessLine.MaxErrorChars),
                    };
                }
                var comparison = OutputComparer.Compare(actual, test.Expected, problem.Compare, test.Tolerance);
                return result with
                {
                    Actual = actual,
                    Verdict = comparison.Pass ? Verdict.Accepted : Verdict.WrongAnswer,
                    Pass = comparison.Pass,
                    DiffPath = comparison.DiffPath,
                };
            default:
                return crashLine is { } where && raw.Error is { } signal
                    ? result with { Pass = false, Error = $"{signal} (line {where})", ErrorLine = where }
                    : result with { Pass = false };
        }
    }
}
