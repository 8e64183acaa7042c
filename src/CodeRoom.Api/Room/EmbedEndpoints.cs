namespace CodeRoom.Api.Room;

public sealed record EmbedConfigResponse(IReadOnlyList<string> Origins);

/// <summary>The embed page asks which host origins it may talk to before it accepts or posts any message.</summary>
public static class EmbedEndpoints
{
    public static RouteGroupBuilder MapEmbed(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/embed").AllowAnonymous().WithTags("Embedding");
        group.MapGet("/config", (EmbedOrigins origins) => TypedResults.Ok(new EmbedConfigResponse(origins.Origins)));
        return group;
    }
}
