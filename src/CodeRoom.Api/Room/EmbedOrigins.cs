using CodeRoom.Dispatch;

namespace CodeRoom.Api.Room;

/// <summary>The host origins allowed to frame /embed (EMBED_ORIGINS: origins separated by commas or spaces, such as
/// <c>https://interviews.example.com, http://127.0.0.1:3000</c>). Checked at start: a value that is not an origin
/// stops the service with one line naming it.</summary>
public sealed class EmbedOrigins
{
    public EmbedOrigins(IReadOnlyList<string> origins) => Origins = origins;

    public IReadOnlyList<string> Origins { get; }

    /// <summary>The CSP of the embed page: its own origin and the configured hosts may frame it, nobody else.</summary>
    public string EmbedFrameAncestors => string.Join(' ', ["'self'", .. Origins]);

    public static EmbedOrigins Parse(string? value)
    {
        var origins = new List<string>();
        foreach (var item in (value ?? "").Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(item, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.Host.Length == 0 || uri.UserInfo.Length > 0 || uri.PathAndQuery != "/" || uri.Fragment.Length > 0
                || item.TrimEnd('/').Length != uri.GetLeftPart(UriPartial.Authority).Length)
            {
                throw new StartupConfigurationException(
                    $"EMBED_ORIGINS: '{item}' is not an origin; list origins such as https://app.example.com or http://127.0.0.1:3000 (scheme, host and port only), separated by commas");
            }
            var origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
            if (!origins.Contains(origin, StringComparer.Ordinal))
            {
                origins.Add(origin);
            }
        }
        return new EmbedOrigins(origins);
    }
}
