using System.Security.Claims;
using CodeRoom.Storage.Entities;

namespace CodeRoom.Api.Auth;

/// <summary>Who may see an attempt (issue 16). The owner always; an interviewer (role claim) when the attempt is bound
/// to one of the interviews in the interviewer's token (interview_id claims: one, several, or a JSON array, which the
/// token handler turns into several). Everybody else gets 404, as for an attempt that does not exist.</summary>
public static class Interviews
{
    public const string ClaimType = "interview_id";
    public const int MaxLength = 200;
    public const int MaxPerToken = 100;

    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is empty"
        : id.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : id.Any(char.IsControl) ? "contains control characters"
        : null;

    public static IReadOnlyList<string> Of(ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimType).Select(c => c.Value).Where(v => Problem(v) is null).Distinct(StringComparer.Ordinal)];

    public static bool IsInterviewer(ClaimsPrincipal user) => user.HasClaim("role", Roles.Interviewer);

    /// <summary>The interviewer of the attempt's interview (not its owner).</summary>
    public static bool CanWatch(ClaimsPrincipal user, AttemptEntity attempt) =>
        IsInterviewer(user) && attempt.InterviewBound && attempt.InterviewId is { } interview
        && Of(user).Contains(interview, StringComparer.Ordinal);

    public static bool CanSee(ClaimsPrincipal user, AttemptEntity attempt) =>
        attempt.UserId == user.UserId() || CanWatch(user, attempt);
}
