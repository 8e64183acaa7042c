using System.ComponentModel.DataAnnotations;

namespace CodeRoom.Api.Observability;

/// <summary>Section "Observability" (env CODEROOM_Observability__*): metrics, the dashboard's roll-up and run-log
/// retention. docs/observability.md.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>How often the hourly roll-up is rebuilt for the last two hours (seconds).</summary>
    [Range(1, 3600)] public int RollupIntervalSeconds { get; set; } = 15;

    /// <summary>Run logs older than this are deleted by a background job (submissions and the roll-up stay). 0 keeps them.</summary>
    [Range(0, 36500)] public double RunLogRetentionDays { get; set; } = 90;

    [Range(1, 1440)] public int RetentionIntervalMinutes { get; set; } = 60;

    /// <summary>A runner whose last heartbeat is older than this is not alive.</summary>
    [Range(1, 3600)] public int RunnerAliveSeconds { get; set; } = 30;

    /// <summary>The Prometheus scrape endpoint on the service's own port; null or empty: none (see MetricsListenUrl).</summary>
    public string? MetricsPath { get; set; } = "/metrics";

    /// <summary>Bearer token a scraper must present on MetricsPath. Unset: only loopback callers and admins may scrape.</summary>
    public string? MetricsToken { get; set; }
}
