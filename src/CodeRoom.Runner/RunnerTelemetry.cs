using CodeRoom.Dispatch.Telemetry;
using CodeRoom.Judge.Sandbox.Telemetry;
using CodeRoom.Judge.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CodeRoom.Runner;

/// <summary>A runner has no HTTP port, so no scrape endpoint: with OTEL_EXPORTER_OTLP_ENDPOINT set it exports its
/// traces (the job span, continued from the message's traceparent, the judge, compile, each sandboxed process),
/// metrics and logs over OTLP; without it, no SDK is loaded (docs/observability.md).</summary>
internal static class RunnerTelemetry
{
    public static void Add(IServiceCollection services, IConfiguration config, int runnerId)
    {
        if (string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }
        string[] sources = [RunTelemetry.Name, JudgeTelemetry.Name, SandboxTelemetry.Name];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("coderoom-runner", serviceInstanceId: $"{Environment.MachineName}/{runnerId}"))
            .WithTracing(t => t.AddSource(sources))
            .WithMetrics(m => m.AddMeter(sources))
            .UseOtlpExporter();
    }
}
