using System.Net;
using CodeRoom.Judge.Sandbox.Telemetry;
using CodeRoom.Judge.Telemetry;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CodeRoom.Api.Observability;

/// <summary>OpenTelemetry in the service: traces and metrics of ASP.NET Core, HttpClient, the runtime and CodeRoom's own
/// sources (the judge, the sandbox, the API, the dispatch seam), a Prometheus scrape endpoint guarded by
/// <see cref="MetricsGuardMiddleware"/>, and OTLP export of traces, metrics and logs when OTEL_EXPORTER_OTLP_ENDPOINT is
/// set. Logs carry the trace and span id in their scope.</summary>
public static class ObservabilitySetup
{
    /// <summary>Every ActivitySource and Meter CodeRoom owns (the dispatch seam: the job span and run metrics).</summary>
    public static readonly string[] Sources = [ApiTelemetry.Name, JudgeTelemetry.Name, SandboxTelemetry.Name, CodeRoom.Dispatch.Telemetry.RunTelemetry.Name];

    public static void AddCodeRoomObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunStatsService>();
        services.AddHostedService(sp => sp.GetRequiredService<RunStatsService>());

        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("coderoom-api"))
            .WithTracing(t => t
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsMetricsPath(http))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Sources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddView(instrument => instrument.Unit == "s" && instrument.Meter.Name.StartsWith("CodeRoom.", StringComparison.Ordinal)
                    ? new ExplicitBucketHistogramConfiguration { Boundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] }
                    : null)
                .AddPrometheusExporter());
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
    }

    private static bool IsMetricsPath(HttpContext http) =>
        http.RequestServices.GetService<IOptions<ObservabilityOptions>>()?.Value.MetricsPath is { Length: > 0 } path
        && http.Request.Path.Equals(path, StringComparison.Ordinal);

    /// <summary>After authentication: refuses the scrape endpoint to anyone but the token holder, loopback or an admin.</summary>
    public static void UseCodeRoomMetricsGuard(this WebApplication app) => app.UseMiddleware<MetricsGuardMiddleware>();

    public static void MapCodeRoomObservability(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.MetricsPath is { Length: > 0 } path)
        {
            app.MapPrometheusScrapingEndpoint(path);
        }
    }
}

/// <summary>The scrape endpoint is not public: with Observability:MetricsToken set, the caller presents it as a bearer
/// token (or is an admin); without one, only loopback callers and admins may scrape. Anyone else gets 404.</summary>
public sealed class MetricsGuardMiddleware(RequestDelegate next, IOptions<ObservabilityOptions> options)
{
    public Task InvokeAsync(HttpContext http)
    {
        var o = options.Value;
        if (o.MetricsPath is not { Length: > 0 } path || !http.Request.Path.Equals(path, StringComparison.Ordinal) || Allowed(http, o))
        {
            return next(http);
        }
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool Allowed(HttpContext http, ObservabilityOptions o)
    {
        if (http.User.IsInRole(Auth.Roles.Admin))
        {
            return true;
        }
        if (o.MetricsToken is { Length: > 0 } token)
        {
            var header = http.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.Ordinal)
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), System.Text.Encoding.UTF8.GetBytes(token));
        }
        return http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
    }
}
