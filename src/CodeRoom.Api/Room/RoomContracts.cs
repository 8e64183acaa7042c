using System.Text.Json.Nodes;

namespace CodeRoom.Api.Room;

/// <summary>Candidate to hub: the editor as it is now (the page sends it debounced while typing).</summary>
public sealed record CodeUpdate(Guid AttemptId, string ProblemId, string Language, string Code);

/// <summary>Hub to interviewers ("code"): the candidate's editor.</summary>
public sealed record LiveCode(Guid AttemptId, string ProblemId, string Language, string Code, DateTimeOffset At);

/// <summary>Hub to interviewers ("result"), and in a watch's catch-up: a Run or Submit as the candidate saw it (a
/// Submit's result is its summary only, never hidden tests).</summary>
public sealed record LiveResult(Guid AttemptId, string Kind, string ProblemId, string Language, string Code, JsonNode? Result, DateTimeOffset At);

/// <summary>Hub to the candidate ("watcher"): an interviewer connected (present) or left.</summary>
public sealed record WatcherPresence(string WatcherId, bool Present);

/// <summary>Answer of Watch: where the candidate is now, and every Run and Submit so far.</summary>
public sealed record WatchState(Guid AttemptId, string CandidateId, string? InterviewId, string? ProblemId, string? Language,
    string? Code, IReadOnlyList<LiveResult> Results);
