using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Infrastructure;

/// <summary>Token validation. Secret (HS256, JWT_SECRET) and/or PublicKeyPem (RS256, JWT_PUBLIC_KEY_PEM: the PEM
/// text or a path to it). Neither set means development mode: a random key and POST /api/dev/token.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [MinLength(32, ErrorMessage = "JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit key)")]
    public string? Secret { get; set; }

    public string? PublicKeyPem { get; set; }
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    [Range(1, 10080)] public int DevTokenLifetimeMinutes { get; set; } = 480;

    public bool IsDevelopmentMode => string.IsNullOrEmpty(Secret) && string.IsNullOrEmpty(PublicKeyPem);
}

[OptionsValidator]
public sealed partial class JwtOptionsValidator : IValidateOptions<JwtOptions>;

/// <summary>Per-user limit on run + submit. With RedisUrl (REDIS_URL) the window is shared by every instance, for this
/// limit and for the attempt and draft limits (<see cref="AttemptLimitOptions"/>, <see cref="DraftLimitOptions"/>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    [Range(1, 1_000_000)] public int PermitsPerWindow { get; set; } = 10;
    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;
    public string? RedisUrl { get; set; }
    [Required] public string RedisKeyPrefix { get; set; } = "coderoom:ratelimit:";
}

[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

/// <summary>Per-user limits on creating attempts (POST /api/attempts): a rate (shared across instances through
/// RateLimit:RedisUrl, like run + submit) and a quota on the attempts a user may own in total.</summary>
public sealed class AttemptLimitOptions
{
    public const string Section = "AttemptLimits";

    [Range(1, 1_000_000)] public int PermitsPerWindow { get; set; } = 30;
    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;

    /// <summary>Attempts one user may own; creating one more answers 429 (quota, no Retry-After).</summary>
    [Range(1, 100_000_000)] public int MaxAttemptsPerUser { get; set; } = 1000;
}

[OptionsValidator]
public sealed partial class AttemptLimitOptionsValidator : IValidateOptions<AttemptLimitOptions>;

/// <summary>Per-user limits on writing drafts (PUT /api/coding/drafts): a rate (shared across instances through
/// RateLimit:RedisUrl) and quotas on the drafts one attempt and one user may hold. A draft is one row per
/// (attempt, problem, language) of at most Limits:MaxCodeBytes; updating an existing draft never counts against a
/// quota, only a new one does.</summary>
public sealed class DraftLimitOptions
{
    public const string Section = "DraftLimits";

    [Range(1, 1_000_000)] public int PermitsPerWindow { get; set; } = 120;
    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;

    /// <summary>Drafts in one attempt (an interview of ten problems in all three languages fits).</summary>
    [Range(1, 100_000)] public int MaxDraftsPerAttempt { get; set; } = 30;

    /// <summary>Drafts over all of a user's attempts (with 50 KB each, at most about 150 MB per user).</summary>
    [Range(1, 100_000_000)] public int MaxDraftsPerUser { get; set; } = 3000;
}

[OptionsValidator]
public sealed partial class DraftLimitOptionsValidator : IValidateOptions<DraftLimitOptions>;

/// <summary>Per-user rate of live-diagnostics checks (POST /api/coding/check): the page sends one a moment after the
/// candidate stops typing, so a busy minute is a few dozen. Its own window, never the run limit.</summary>
public sealed class CheckLimitOptions
{
    public const string Section = "CheckLimits";

    [Range(1, 1_000_000)] public int PermitsPerWindow { get; set; } = 60;
    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;
}

[OptionsValidator]
public sealed partial class CheckLimitOptionsValidator : IValidateOptions<CheckLimitOptions>;

public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    [Range(1, 10_000_000)] public int MaxCodeBytes { get; set; } = 50 * 1024;
    [Range(1024, 100_000_000)] public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Problem authoring bodies carry every test, so they get their own cap.</summary>
    [Range(1024, 1_000_000_000)] public long AdminMaxBodyBytes { get; set; } = 64L * 1024 * 1024;

    [Range(0, 100)] public int MaxCustomInputs { get; set; } = 10;

    /// <summary>Runs and submissions stored per attempt (each keeps its code and results): a storage quota next to the
    /// per-minute rate. An interview rarely needs more than a few hundred.</summary>
    [Range(1, 1_000_000)] public int MaxSubmissionsPerAttempt { get; set; } = 2000;
}

[OptionsValidator]
public sealed partial class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>;

/// <summary>Where things live. Relative paths resolve against the repository root (the folder holding CodeRoom.slnx
/// above the content root), else the content root.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    [Required] public string WebRoot { get; set; } = "web/out";
    [Required] public string ProblemsDirectory { get; set; } = "problems";
    [Required] public string SqlitePath { get; set; } = "data/coderoom.db";

    /// <summary>Import problems/ at start (new and changed problems; unchanged ones are skipped).</summary>
    public bool ImportProblemsOnStart { get; set; } = true;

    /// <summary>Apply migrations at start (issue 4: one command runs everything). `CodeRoom.Cli migrate` is the
    /// production path once it exists.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Judge every reference solution of an authored problem before storing it.</summary>
    public bool VerifyReferenceSolutions { get; set; } = true;
}

[OptionsValidator]
public sealed partial class ContentOptionsValidator : IValidateOptions<ContentOptions>;
