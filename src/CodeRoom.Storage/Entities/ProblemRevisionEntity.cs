namespace CodeRoom.Storage.Entities;

/// <summary>A problem's definition (the contract's JSON, tests included) as it was at one revision. Written once, when the
/// first judge job of that revision is dispatched to the fleet, never changed: a job names its (problem, revision) and
/// the runner reads the definition here, so the broker carries a few hundred bytes per job instead of every test
/// (up to ~3 MB for the bank's problems), and a job is still judged against the problem as it was when it was created.</summary>
public sealed class ProblemRevisionEntity
{
    public int ProblemId { get; set; }
    public int Revision { get; set; }
    public required string DefinitionJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
