using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11, class 2: the clock is the supervisor's. Lines a candidate writes to the control channel (a re-sent start
/// line, a second "H", a result for a test that does not exist, its own result with a tiny "ms") can neither restart
/// a test's clock nor shorten the time shown.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class ForgedTimingTests(JudgeFixture fixture)
{
    [Theory(Timeout = 120_000), MemberData(nameof(Integrity.Languages), MemberType = typeof(Integrity))]
    public async Task Re_sent_start_lines_do_not_restart_the_clock(LanguageId language)
    {
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Single, language, Attacks.ResendStart[language],
            JudgeMode.Run, TimeSpan.FromSeconds(60));
        var test = Assert.Single(result.Tests);
        // 1.2 s of CPU on a 500 ms test: a time limit (or, as the new protocol has it, a runtime error for writing
        // out-of-protocol lines), never accepted.
        Assert.True(test.Verdict is Verdict.TimeLimitExceeded or Verdict.RuntimeError, Integrity.Describe(result));
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
    }

    [Theory(Timeout = 120_000), MemberData(nameof(Integrity.Languages), MemberType = typeof(Integrity))]
    public async Task A_forged_result_line_cannot_shorten_the_runtime_shown(LanguageId language)
    {
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Single, language,
            Attacks.ForgedFastResult[language], JudgeMode.Run, TimeSpan.FromSeconds(60));
        var test = Assert.Single(result.Tests);
        Assert.NotEqual(Verdict.InternalError, result.Verdict);
        // The call spun 300 ms of CPU before it forged "ms":0.001; what the candidate is shown is measured outside.
        Assert.True(test.RuntimeMs is null or >= 200, $"runtime_ms {test.RuntimeMs} for 300 ms of CPU: " + Integrity.Describe(result));
        Assert.True(test.CpuMs is null or >= 200, $"cpu_ms {test.CpuMs} for 300 ms of CPU: " + Integrity.Describe(result));
        var shown = Assert.Single(CandidateView.Results(result, JudgeMode.Run, customInputs: false)!);
        Assert.True(shown.RuntimeMs is null or >= 200, $"the run shows runtime_ms {shown.RuntimeMs}");
    }
}
