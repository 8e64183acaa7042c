using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Dispatch;

/// <summary>The real judge: <see cref="JudgeEngine"/> through its public API only.</summary>
public sealed class JudgeEngineAdapter : ICodeJudge
{
    private readonly JudgeEngine _engine;

    public JudgeEngineAdapter(JudgeEngine engine, IServiceProvider services)
    {
        _engine = engine;
        // Fail at boot on a broken host (no bwrap, no cgroup delegation), not on the first candidate's run.
        services.GetRequiredService<BwrapSandbox>().EnsureReady();
    }

    public Task<JudgeResult> JudgeAsync(Problem problem, LanguageId language, string code, JudgeMode mode,
        IReadOnlyList<TestCase>? tests, CancellationToken cancellationToken) =>
        _engine.JudgeAsync(new JudgeRequest(problem, language, code, mode) { Tests = tests }, cancellationToken);

    public string StarterCode(Signature signature, LanguageId language) => _engine.StarterCode(signature, language);
}
