namespace CodeRoom.Api.Room;

/// <summary>Who may frame what (issue 16): the embed page only by its own origin and EMBED_ORIGINS, every other
/// response by nobody (clickjacking). Set on every response, since a CSP frame-ancestors only matters on documents and
/// costs nothing elsewhere.</summary>
internal static class FrameAncestors
{
    public const string EmbedPath = "/embed";

    public static void UseCodeRoomFrameAncestors(this WebApplication app)
    {
        var origins = app.Services.GetRequiredService<EmbedOrigins>();
        var embedPolicy = "frame-ancestors " + origins.EmbedFrameAncestors;
        app.Use((http, next) =>
        {
            var embed = http.Request.Path.StartsWithSegments(EmbedPath, StringComparison.Ordinal);
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = embed ? embedPolicy : "frame-ancestors 'none'";
                if (!embed)
                {
                    // For browsers without CSP level 2; X-Frame-Options cannot name several origins, so not on /embed.
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            return next(http);
        });
    }
}
