using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeRoom.Api.Auth;

/// <summary>interview_ids: the interview_id claims to put in the token (an interviewer's interviews, or the one
/// interview a candidate's attempts are bound to).</summary>
public sealed record DevTokenRequest(string? UserId, string? Role, IReadOnlyList<string>? InterviewIds = null);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string UserId, string Role);

/// <summary>Sign-in for development mode only (no JWT_SECRET): in production the interview app issues tokens.</summary>
public static class DevTokenEndpoints
{
    public static RouteGroupBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev").WithTags("Development").AllowAnonymous();
        group.MapPost("/token", IssueToken);
        return group;
    }

    private static Results<Ok<DevTokenResponse>, ValidationProblem> IssueToken(DevTokenRequest request, JwtKeys keys,
        TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.JwtOptions> options)
    {
        var errors = new Dictionary<string, string[]>();
        var userId = request.UserId?.Trim() ?? "";
        if (UserIds.Problem(userId) is not null)
        {
            errors["user_id"] = [$"is required (1-{UserIds.MaxLength} characters, no control characters)"];
        }
        var role = request.Role?.Trim().ToLowerInvariant() ?? Roles.Candidate;
        if (role is not (Roles.Candidate or Roles.Admin or Roles.Interviewer))
        {
            errors["role"] = ["must be candidate, admin or interviewer"];
        }
        var interviews = request.InterviewIds ?? [];
        if (interviews.Count > Interviews.MaxPerToken || interviews.Any(i => Interviews.Problem(i) is not null))
        {
            errors["interview_ids"] = [$"at most {Interviews.MaxPerToken} ids of 1-{Interviews.MaxLength} characters, no control characters"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var lifetime = TimeSpan.FromMinutes(options.Value.DevTokenLifetimeMinutes);
        var token = keys.IssueDevelopmentToken(userId, role, time.GetUtcNow(), lifetime, interviews);
        return TypedResults.Ok(new DevTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, userId, role));
    }
}
