namespace CodeRoom.Judge;

/// <summary>The closed set of verdicts, for a run and for each test. Wire names are snake_case
/// (accepted, wrong_answer, ...).</summary>
public enum Verdict
{
    Accepted,
    WrongAnswer,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    RuntimeError,
    CompilationError,
    OutputLimitExceeded,
    InternalError,
}

public enum JudgeMode
{
    /// <summary>Public tests (or the candidate's custom inputs), with per-test detail.</summary>
    Run,
    /// <summary>Public and hidden tests; callers show candidates the summary only.</summary>
    Submit,
}
