using CodeRoom.Judge;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Dispatch;

/// <summary>One reference solution's check: accepted on every test, or why not (the admin sees it as a validation
/// error on <c>reference_solutions.&lt;language&gt;</c>).</summary>
public sealed record ReferenceCheck(string Language, bool Accepted, string? Detail);

/// <summary>Authoring (Content:VerifyReferenceSolutions): every reference solution is judged against every test before
/// a problem is saved. Embedded: by this process's judge. Fleet: by a runner, over the broker (the Api judges nothing),
/// with a bound on the wait; no runner in time is a 503, never a save of an unverified problem.</summary>
public interface IReferenceVerifier
{
    /// <param name="definition">The problem as the admin sent it (what a runner validates again).</param>
    /// <param name="problem">The same, validated.</param>
    Task<IReadOnlyList<ReferenceCheck>> VerifyAsync(ProblemDefinition definition, Problem problem, CancellationToken cancellationToken);
}

/// <summary>Judges the reference solutions here: the embedded service, and a runner answering a fleet Api.</summary>
public sealed class LocalReferenceVerifier(ICodeJudge judge) : IReferenceVerifier
{
    public Task<IReadOnlyList<ReferenceCheck>> VerifyAsync(ProblemDefinition definition, Problem problem, CancellationToken cancellationToken) =>
        VerifyAsync(problem, cancellationToken);

    public async Task<IReadOnlyList<ReferenceCheck>> VerifyAsync(Problem problem, CancellationToken cancellationToken)
    {
        var checks = new List<ReferenceCheck>();
        foreach (var (language, code) in problem.ReferenceSolutions)
        {
            var result = await judge.JudgeAsync(problem, language, code, JudgeMode.Submit, null, cancellationToken);
            if (result.Verdict == Verdict.Accepted)
            {
                checks.Add(new ReferenceCheck(language.WireName(), true, null));
                continue;
            }
            var failing = result.Tests.FirstOrDefault(t => t.Index == result.FirstFailingTest);
            checks.Add(new ReferenceCheck(language.WireName(), false,
                $"got {CandidateView.Verdict(result.Verdict)} ({result.Passed}/{result.Total})" +
                (failing?.Error is { } e ? $": test {failing.Index}: {e}" : "")));
        }
        return checks;
    }
}
