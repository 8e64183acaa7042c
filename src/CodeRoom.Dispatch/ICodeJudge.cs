using CodeRoom.Judge;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Dispatch;

/// <summary>The Api's view of the judge engine (issue 2): one seam so the HTTP tests can drive the queue with a
/// deterministic judge, while production always goes through <c>JudgeEngine</c> and its sandbox.</summary>
public interface ICodeJudge
{
    /// <param name="tests">Overrides which tests run (public tests for a run, custom inputs); null = the mode's tests.</param>
    Task<JudgeResult> JudgeAsync(Problem problem, LanguageId language, string code, JudgeMode mode,
        IReadOnlyList<TestCase>? tests, CancellationToken cancellationToken);

    string StarterCode(Signature signature, LanguageId language);
}
