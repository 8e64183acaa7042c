using System.Text.Json;
using CodeRoom.Judge.Sandbox;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeRoom.Api.Infrastructure;

/// <summary>Maps our few known exceptions to problem details; anything else is a bare 500 with a traceId. Never a
/// message, stack trace or path of ours.</summary>
internal sealed class KnownExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            CodeRoom.Storage.UnstorableTextException text => NulCharacterGuardMiddleware.Problem(text.Column, text.Problem),
            SandboxUnavailableException => Unavailable(http, "The judge is unavailable", "Code cannot be judged right now; try again later."),
            RedisException => Unavailable(http, "Rate limiting is unavailable", "A backing service is down; try again shortly."),
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred" },
        };
        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = null });
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = 413, Title = "The request body is too large" };
        }
        // The JSON reader's path ($.attempt_id, $.custom_inputs[0]) names the offending field; its message is ours
        // to keep (it quotes .NET type names).
        var json = bad.InnerException as JsonException ?? bad.InnerException?.InnerException as JsonException;
        var field = json?.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : null;
        var problem = new HttpValidationProblemDetails
        {
            Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
            Title = json is not null ? "The request body is not valid JSON for this endpoint" : "The request is malformed",
        };
        if (json is not null)
        {
            problem.Errors[string.IsNullOrEmpty(field) ? "body" : field] =
                [json.LineNumber is null ? "invalid JSON" : "invalid value or JSON syntax at this position"];
        }
        else if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Title = "The request body must be application/json";
        }
        return problem;
    }

    private static ProblemDetails Unavailable(HttpContext http, string title, string detail)
    {
        http.Response.Headers.RetryAfter = "30";
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail };
    }
}

/// <summary>Caps request bodies before anything reads them: candidate endpoints at Limits:MaxBodyBytes, authoring at
/// Limits:AdminMaxBodyBytes. Kestrel enforces it while streaming; the Content-Length check also covers test hosts.</summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.Request.Path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase)
            ? options.Value.AdminMaxBodyBytes
            : options.Value.MaxBodyBytes;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = 413, Title = "The request body is too large", Detail = $"At most {limit} bytes." },
            });
            return;
        }
        await next(http);
    }
}
