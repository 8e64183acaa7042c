using CodeRoom.Judge.Contract;

namespace CodeRoom.Judge;

/// <summary>One thing to judge: a candidate's code for a problem in a language.</summary>
public sealed record JudgeRequest(Problem Problem, LanguageId Language, string Code, JudgeMode Mode)
{
    /// <summary>Overrides which tests run (a candidate's custom inputs). Tests without an expected value are run and
    /// reported with their output only.</summary>
    public IReadOnlyList<TestCase>? Tests { get; init; }
}
