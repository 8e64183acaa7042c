using System.Text.Json.Nodes;
using CodeRoom.Api.Auth;
using CodeRoom.Api.Observability;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Stats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Admin;

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);

public sealed record WarmPoolResponse(string Language, int MemoryMb, int Ready);

/// <summary>A compile sandbox waiting for the next compile of its spec: for <c>run</c> (Run and Submit) or <c>check</c>
/// (the editor's live check), its compiler started and loaded or the sandbox held before it.</summary>
public sealed record CompileSandboxResponse(string Language, string Purpose, bool CompilerStarted, double AgeSeconds);

public sealed record RunnerResponse(string Id, bool Alive, int Slots, int Busy, DateTimeOffset LastSeen);

public sealed record LiveResponse(long QueueDepth, long InFlight, IReadOnlyList<WarmPoolResponse> WarmPools,
    IReadOnlyList<CompileSandboxResponse> CompileSandboxes, IReadOnlyList<RunnerResponse> Runners);

public sealed record RunLogTestResponse(int Index, string? Visibility, string? Verdict, double? RuntimeMs, long? MemoryKb, string? Error);

public sealed record RunLogDetailResponse(Guid Id, Guid SubmissionId, DateTimeOffset CreatedAt, DateTimeOffset JudgedAt, string UserId,
    Guid AttemptId, string ProblemId, string Language, string Mode, string Status, string? Verdict, double CpuMs, double WallMs,
    long PeakMemoryKb, double? CompileMs, string? CompileOutput, string? InternalMessage, IReadOnlyList<RunLogTestResponse> Tests, string Code);

/// <summary>The admin dashboard's API (docs/api.md, "Admin: statistics and run logs"): aggregates from the hourly roll-up,
/// the live state, and the run-log browser. Admins only: candidates get 403.</summary>
public static class AdminStatsEndpoints
{
    public static RouteGroupBuilder MapAdminStats(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").RequireAuthorization(AuthSetup.AdminPolicy).WithTags("Admin");
        group.MapGet("/stats/problems", Problems);
        group.MapGet("/stats/timeline", Timeline);
        group.MapGet("/stats/runtime", Runtime);
        group.MapGet("/live", Live);
        group.MapGet("/run-logs", RunLogs);
        group.MapGet("/run-logs/{id:guid}", RunLog);
        return group;
    }

    /// <summary>Default range: the last 24 hours.</summary>
    private static (DateTimeOffset From, DateTimeOffset To)? Range(DateTimeOffset? from, DateTimeOffset? to, TimeProvider time)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        return start > end ? null : (start, end);
    }

    private static ValidationProblem BadRange() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must not be after to"] });

    private static async Task<Results<Ok<ItemsResponse<ProblemStats>>, ValidationProblem>> Problems(DateTimeOffset? from, DateTimeOffset? to,
        AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        Range(from, to, time) is { } r
            ? TypedResults.Ok(new ItemsResponse<ProblemStats>(await AdminStats.ProblemsAsync(db, r.From, r.To, cancellationToken)))
            : BadRange();

    private static async Task<Results<Ok<ItemsResponse<TimelineBucket>>, ValidationProblem>> Timeline(DateTimeOffset? from, DateTimeOffset? to,
        string? bucket, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (bucket is not (null or "hour" or "day"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bucket"] = ["hour or day"] });
        }
        return Range(from, to, time) is { } r
            ? TypedResults.Ok(new ItemsResponse<TimelineBucket>(await AdminStats.TimelineAsync(db, r.From, r.To, bucket == "day", cancellationToken)))
            : BadRange();
    }

    private static async Task<Results<Ok<ItemsResponse<RuntimeDistribution>>, ValidationProblem>> Runtime(DateTimeOffset? from, DateTimeOffset? to,
        AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        Range(from, to, time) is { } r
            ? TypedResults.Ok(new ItemsResponse<RuntimeDistribution>(await AdminStats.RuntimeAsync(db, r.From, r.To, cancellationToken)))
            : BadRange();

    private static async Task<Ok<LiveResponse>> Live(AppDbContext db, TimeProvider time, IServiceProvider services,
        IOptions<ObservabilityOptions> options, CancellationToken cancellationToken)
    {
        // From the database, so that it is the same answer on every API instance and with the fleet.
        var queued = await db.Submissions.LongCountAsync(s => s.Status == SubmissionStatuses.Queued, cancellationToken);
        var running = await db.Submissions.LongCountAsync(s => s.Status == SubmissionStatuses.Running, cancellationToken);
        var pools = services.GetService<WarmSandboxPool>()?.Snapshot()
            .Select(p => new WarmPoolResponse(p.Language.WireName(), p.MemoryMb, p.Ready)).ToList() ?? [];
        // This process's own pools: in fleet mode the runners hold theirs, and the API's lists are empty.
        var compiles = services.GetService<CompileSandboxPool>()?.Snapshot()
            .Select(c => new CompileSandboxResponse(c.Language.WireName(), c.Purpose == CompileSandboxPool.Purpose.Check ? "check" : "run",
                c.CompilerStarted, Math.Round(c.Age.TotalSeconds, 1))).ToList() ?? [];
        var now = time.GetUtcNow();
        var alive = TimeSpan.FromSeconds(options.Value.RunnerAliveSeconds);
        var runners = (await AdminStats.RunnersAsync(db, cancellationToken))
            .Select(r => new RunnerResponse(r.Id, now - r.LastSeen <= alive, r.Slots, r.Busy, r.LastSeen)).ToList();
        return TypedResults.Ok(new LiveResponse(queued, running, pools, compiles, runners));
    }

    private static async Task<Results<Ok<RunLogPage>, ValidationProblem>> RunLogs(string? problem_id, string? language, string? verdict,
        string? user_id, Guid? attempt_id, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, AppDbContext db,
        CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await AdminStats.RunLogsAsync(db,
                new RunLogFilter(problem_id, language, verdict, user_id, attempt_id, from, to, cursor, limit ?? 50), cancellationToken));
        }
        catch (ArgumentException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [e.Message] });
        }
    }

    private static async Task<Results<Ok<RunLogDetailResponse>, NotFound>> RunLog(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == id && s.RunLog != null)
            .Select(s => new { Submission = s, Log = s.RunLog!, Slug = s.Problem!.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var (s, l) = (row.Submission, row.Log);
        return TypedResults.Ok(new RunLogDetailResponse(s.Id, s.Id, s.CreatedAt, l.CreatedAt, s.UserId, s.AttemptId, row.Slug, s.Language,
            s.Mode, s.Status, s.Verdict, l.CpuMs, l.WallMs, l.PeakMemoryKb, l.CompileMs, l.CompileOutput, l.InternalMessage, Tests(l.TestsJson),
            s.CodeText));
    }

    private static List<RunLogTestResponse> Tests(string json)
    {
        var tests = new List<RunLogTestResponse>();
        if (JsonNode.Parse(json) is not JsonArray array)
        {
            return tests;
        }
        foreach (var node in array.OfType<JsonObject>())
        {
            tests.Add(new RunLogTestResponse(
                node["index"]?.GetValue<int>() ?? tests.Count,
                node["visibility"]?.GetValue<string>(),
                node["verdict"]?.GetValue<string>(),
                node["runtime_ms"]?.GetValue<double>(),
                node["memory_kb"]?.GetValue<long>(),
                node["error"]?.GetValue<string>()));
        }
        return tests;
    }
}
