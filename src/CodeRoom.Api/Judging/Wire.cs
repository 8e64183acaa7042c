using CodeRoom.Judge;

namespace CodeRoom.Api.Judging;

internal static class Wire
{
    public static string Verdict(Verdict verdict) => CandidateView.Verdict(verdict);
}
