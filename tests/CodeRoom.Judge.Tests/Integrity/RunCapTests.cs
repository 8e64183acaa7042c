using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11, class 3 of the issue: one run's CPU budget (2 s here: ten tests of 500 ms) and its wall cap (about 4 s
/// plus start-up) hold across all its processes, killed tests and restarts included, whatever the code does: spin,
/// sleep in the constructor or the call, crash every test. Every test still gets a verdict.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class RunCapTests(JudgeFixture fixture)
{
    /// <summary>The run's CPU budget for <see cref="IntegrityProblems.Many"/>: max(2000, 2 x 500) ms.</summary>
    private const double BudgetMs = 2000;

    /// <summary>Per-test kills overshoot by a poll interval or two; a loaded machine adds some.</summary>
    private const double CpuSlackMs = 600;

    /// <summary>The run phase's wall time: the ~4 s cap plus start-ups, with room for a loaded 2-core machine.</summary>
    private static readonly TimeSpan WallCap = TimeSpan.FromSeconds(12);

    public static TheoryData<string> Abusers => ["python-loop", "java-loop", "cpp-loop", "javascript-loop", "go-loop", "python-sleep-in-init", "python-sleep-in-call", "python-crash"];

    private static (LanguageId Language, string Code) Abuser(string name) => name switch
    {
        "python-loop" => (LanguageId.Python, Attacks.EndlessLoop[LanguageId.Python]),
        "java-loop" => (LanguageId.Java, Attacks.EndlessLoop[LanguageId.Java]),
        "cpp-loop" => (LanguageId.Cpp, Attacks.EndlessLoop[LanguageId.Cpp]),
        "javascript-loop" => (LanguageId.JavaScript, Attacks.EndlessLoop[LanguageId.JavaScript]),
        "go-loop" => (LanguageId.Go, Attacks.EndlessLoop[LanguageId.Go]),
        "python-sleep-in-init" => (LanguageId.Python, Attacks.PythonSleepInInit),
        "python-sleep-in-call" => (LanguageId.Python, Attacks.PythonSleepInCall),
        "python-crash" => (LanguageId.Python, Attacks.PythonCrashEveryTest),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory(Timeout = 120_000), MemberData(nameof(Abusers))]
    public async Task The_run_stays_within_its_cpu_budget_and_wall_cap_and_every_test_gets_a_verdict(string abuser)
    {
        var (language, code) = Abuser(abuser);
        var (result, wall) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Many, language, code, JudgeMode.Submit,
            TimeSpan.FromSeconds(30));
        var runPhase = wall - TimeSpan.FromMilliseconds(result.Compile?.TimeMs ?? 0);
        TestContext.Current.SendDiagnosticMessage($"{abuser}: run phase {runPhase.TotalSeconds:0.0} s; {Integrity.Describe(result)}");

        Assert.Equal(10, result.Total);
        Assert.Equal(10, result.Tests.Count);
        Assert.All(result.Tests, t => Assert.True(t.Verdict is not Verdict.Accepted and not Verdict.InternalError, $"test {t.Index}: {t.Verdict}"));
        Assert.True(runPhase < WallCap, $"{abuser}: the run phase took {runPhase.TotalSeconds:0.0} s");
        Assert.True(result.CpuMs <= BudgetMs + CpuSlackMs, $"{abuser}: the run reports {result.CpuMs:0} ms of CPU");
        var charged = result.Tests.Sum(t => t.CpuMs ?? 0);
        Assert.True(charged <= BudgetMs + CpuSlackMs, $"{abuser}: its tests used {charged:0} ms of CPU together: {Integrity.Describe(result)}");
    }
}
