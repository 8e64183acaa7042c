using CodeRoom.Api.Auth;
using CodeRoom.Api.Problems;
using CodeRoom.Storage;
using CodeRoom.Storage.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Infrastructure;

internal static class Startup
{
    /// <summary>Before serving: migrate (when configured), import the problem bank into an empty database, and say
    /// loudly when tokens are not checked against a real key.</summary>
    public static async Task InitializeCodeRoomAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var content = app.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
        if (app.Services.GetRequiredService<JwtKeys>().IsDevelopmentMode)
        {
            app.Logger.LogWarning(
                "DEVELOPMENT MODE: JWT_SECRET is not set. Tokens are signed with a random per-process key and anyone can get " +
                "one from POST /api/dev/token. Set JWT_SECRET (or JWT_PUBLIC_KEY_PEM) before exposing this service.");
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (content.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var importer = scope.ServiceProvider.GetRequiredService<ProblemImporter>();
        var problemsDir = ConfigurationSetup.ResolvePath(app.Environment.ContentRootPath, content.ProblemsDirectory);
        // Idempotent: unchanged problems are left alone, so the bank on disk and the database stay in step.
        if (content.ImportProblemsOnStart && Directory.Exists(problemsDir))
        {
            await importer.ImportAsync(problemsDir, cancellationToken);
        }
    }
}
