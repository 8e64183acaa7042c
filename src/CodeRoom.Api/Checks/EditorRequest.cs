using System.Text;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Infrastructure;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using Microsoft.EntityFrameworkCore;

namespace CodeRoom.Api.Checks;

/// <summary>What the editor's server helpers (check, format) validate alike: the attempt, the language, the code's size.</summary>
internal static class EditorRequest
{
    /// <summary>The field errors of a request (empty when valid) and its language.</summary>
    public static Dictionary<string, string[]> Validate(Guid? attemptId, string? language, string? code, RequestLimitsOptions limits,
        out LanguageId languageId)
    {
        var errors = new Dictionary<string, string[]>();
        if (attemptId is null || attemptId == Guid.Empty)
        {
            errors["attempt_id"] = ["is required"];
        }
        if (!LanguageIds.TryParse(language, out languageId))
        {
            errors["language"] = ["must be one of the judge's languages"];
        }
        if (code is null)
        {
            errors["code"] = ["is required"];
        }
        else if (Encoding.UTF8.GetByteCount(code) > limits.MaxCodeBytes)
        {
            errors["code"] = [$"is larger than {limits.MaxCodeBytes} bytes"];
        }
        return errors;
    }

    /// <summary>Whether the attempt is the caller's: another user's attempt answers 404, as an unknown one.</summary>
    public static Task<bool> OwnsAttemptAsync(AppDbContext db, HttpContext http, Guid? attemptId, CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        return db.Attempts.AsNoTracking().AnyAsync(a => a.Id == attemptId && a.UserId == userId, cancellationToken);
    }
}
