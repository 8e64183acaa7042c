using System.Text.Json;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11, class 1: a candidate reads everything it can (stdin at load time and in its first call, its own
/// memory), deliberately fails public test 0 and puts what it found in the error text and on stdout. Nothing of a
/// hidden test may reach what a candidate is shown of a Submit, and a Run never feeds hidden tests at all.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class HiddenInputLeakTests(JudgeFixture fixture)
{
    public static TheoryData<string> Thieves => ["python-stdin-at-import", "python-memory", "java", "cpp", "javascript", "go"];

    private static (LanguageId Language, string Code) Thief(string name) => name switch
    {
        "python-stdin-at-import" => (LanguageId.Python, Attacks.PythonStdinAtImport),
        "python-memory" => (LanguageId.Python, Attacks.PythonMemoryScan),
        "java" => (LanguageId.Java, Attacks.JavaStdinAndMemory),
        "cpp" => (LanguageId.Cpp, Attacks.CppStdinAndMemory),
        "javascript" => (LanguageId.JavaScript, Attacks.JavaScriptStdin),
        "go" => (LanguageId.Go, Attacks.GoStdin),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory(Timeout = 120_000), MemberData(nameof(Thieves))]
    public async Task A_submit_shows_nothing_of_the_hidden_tests_whatever_the_code_reads(string thief)
    {
        var (language, code) = Thief(thief);
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Leak, language, code, JudgeMode.Submit,
            TimeSpan.FromSeconds(60));
        var shown = Integrity.CandidateJson(result, JudgeMode.Submit);
        TestContext.Current.SendDiagnosticMessage($"{thief}: {shown}");

        Assert.NotEqual(Verdict.Accepted, result.Verdict);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        Assert.Equal(0, result.FirstFailingTest);
        Integrity.NoHiddenMarker(shown, "the submit summary");
        // The CLI's --json and the API store exactly this view; a submission has no per-test detail.
        Assert.Null(CandidateView.Results(result, JudgeMode.Submit, customInputs: false));
    }

    [Theory(Timeout = 120_000), MemberData(nameof(Thieves))]
    public async Task A_run_never_feeds_a_hidden_test(string thief)
    {
        var (language, code) = Thief(thief);
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Leak, language, code, JudgeMode.Run,
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.Total);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        // Not only the candidate's view: nothing the run produced (errors, stdout, stderr of every test) holds a
        // hidden input, so the process never had one.
        Integrity.NoHiddenMarker(Integrity.CandidateJson(result, JudgeMode.Run), "a run's results");
        Integrity.NoHiddenMarker(JsonSerializer.Serialize(result.Tests.Select(t => new { t.Error, t.Stdout, t.Stderr, Actual = t.Actual?.ToJsonString() })),
            "a run's raw test results");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_public_test_listed_after_a_hidden_one_runs_before_it()
    {
        // The candidate remembers every input and fails the second public test with them; that test's error is shown.
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Interleaved, LanguageId.Python,
            Attacks.PythonRememberEverything, JudgeMode.Submit, TimeSpan.FromSeconds(60));
        var shown = Integrity.CandidateJson(result, JudgeMode.Submit);
        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Equal(2, result.FirstFailingTest);
        Integrity.NoHiddenMarker(shown, "the error of a public test that ran after a hidden one");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_load_error_in_a_process_started_for_a_hidden_test_shows_nothing_of_it()
    {
        // Every test crashes, so the marker's test (3, hidden) starts a process of its own, whose load-time code reads
        // its input and fails to load with it.
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Leak, LanguageId.Python,
            Attacks.PythonLoadErrorInLaterProcess(3), JudgeMode.Submit, TimeSpan.FromSeconds(60));
        var shown = Integrity.CandidateJson(result, JudgeMode.Submit);
        TestContext.Current.SendDiagnosticMessage(shown);
        Assert.NotEqual(Verdict.Accepted, result.Verdict);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        Integrity.NoHiddenMarker(shown, "a load error of a process started for a hidden test");
    }
}
