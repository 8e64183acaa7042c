using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace CodeRoom.Api.Infrastructure;

/// <summary>Refuses any request carrying a NUL character (U+0000) in a query parameter, a route value or a string of
/// its JSON body (a key or a value, at any depth): 400 naming the field, on every endpoint and the same on SQLite and
/// PostgreSQL (whose text type cannot hold NUL, so storing it would fail there and work on SQLite). No real code,
/// id, title or test data needs a literal NUL: in code it is written as an escape (<c>"\0"</c>), which is not one.
/// Runs after authentication (a request without a valid token is still 401) and before rate limiting.</summary>
internal sealed class NulCharacterGuardMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public const string Message = CodeRoom.Storage.UnstorableTextException.NulMessage;

    public async Task InvokeAsync(HttpContext http)
    {
        if (await FindAsync(http) is { } field)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Problem(field) });
            return;
        }
        await next(http);
    }

    /// <summary>The 400 naming <paramref name="field"/>; also the answer when the storage's own check
    /// (<see cref="CodeRoom.Storage.TextGuard"/>) refuses a value, naming the column.</summary>
    public static HttpValidationProblemDetails Problem(string field, string message = Message)
    {
        var problem = new HttpValidationProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = message == Message ? "The request contains a NUL character" : "A value cannot be stored",
            Detail = $"{field} {message}.",
        };
        problem.Errors[field] = [message];
        return problem;
    }

    private static async Task<string?> FindAsync(HttpContext http)
    {
        foreach (var (key, values) in http.Request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal))
            {
                return "query";
            }
            if (values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
            {
                return key;
            }
        }
        // Kestrel already refuses a path holding NUL (%00) with 400 before routing; this covers other hosts.
        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (value is string s && s.Contains('\0', StringComparison.Ordinal))
            {
                return key;
            }
        }
        if (!http.Request.HasJsonContentType() || http.Request.ContentLength == 0)
        {
            return null;
        }
        // The body is already capped (BodySizeLimitMiddleware); buffer it so the endpoint reads it again.
        http.Request.EnableBuffering();
        using var copy = new MemoryStream();
        await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
        http.Request.Body.Position = 0;
        return FindInJson(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    /// <summary>The path (as the JSON binder names fields: <c>code</c>, <c>custom_inputs[0].s</c>, <c>body</c> for
    /// the root) of the first string holding a NUL; null when there is none or the body is not valid JSON (the binder
    /// then answers its own 400).</summary>
    internal static string? FindInJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        // A key holding NUL names the object it is in.
                        frames[^1] = frames[^1] with { Name = name.Contains('\0', StringComparison.Ordinal) ? null : name };
                        if (frames[^1].Name is null)
                        {
                            return PathOf(frames);
                        }
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        Advance(frames);
                        // A NUL can only be written escaped (a raw control character is not valid JSON).
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped
                            && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                        {
                            return PathOf(frames);
                        }
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid UTF-16 once unescaped (a lone surrogate, "\uD800"): the binder
            // refuses it with its own 400.
            return null;
        }
        return null;
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var sb = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                sb.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Name is not null)
            {
                sb.Append(sb.Length > 0 ? "." : "").Append(frame.Name);
            }
        }
        return sb.Length > 0 ? sb.ToString() : "body";
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Name);
}
