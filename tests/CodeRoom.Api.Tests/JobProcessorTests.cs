using CodeRoom.Dispatch;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Api.Tests;

/// <summary>Completion is idempotent whatever a broker does (issue 12): one judgement stored, one run log, per
/// submission. On SQLite and PostgreSQL, whose timestamps (the claim's token) differ in precision.</summary>
public abstract class JobProcessorTests<TFactory>(TFactory factory) where TFactory : ApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, ProblemSnapshot Problem)> QueuedRowAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = "proc-" + Guid.NewGuid();
        var attempt = new AttemptEntity { Id = Guid.NewGuid(), UserId = user, InterviewId = "i", CreatedAt = DateTimeOffset.UtcNow };
        db.Attempts.Add(attempt);
        var problemId = await db.Problems.Where(p => p.Slug == "add-two").Select(p => p.Id).SingleAsync(Ct);
        var id = Guid.CreateVersion7();
        db.Submissions.Add(new SubmissionEntity
        {
            Id = id,
            AttemptId = attempt.Id,
            ProblemId = problemId,
            UserId = user,
            Language = "python",
            Mode = SubmissionModes.Submit,
            CodeText = code,
            Status = SubmissionStatuses.Queued,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        var problem = await scope.ServiceProvider.GetRequiredService<ProblemStore>().GetSnapshotAsync(db, problemId, Ct);
        return (id, problem!);
    }

    private async Task<int> RunLogsAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RunLogs.CountAsync(l => l.SubmissionId == id, Ct);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_redelivered_job_whose_result_is_stored_is_not_judged_again()
    {
        var processor = factory.Services.GetRequiredService<JudgeJobProcessor>();
        var (id, problem) = await QueuedRowAsync("return a + b");
        var calls = factory.Judge.Calls;

        Assert.Equal(JobOutcome.Judged, await processor.ProcessAsync(id, problem.Problem, redelivered: false, failOnShutdown: false, Ct));
        Assert.Equal(JobOutcome.AlreadyDone, await processor.ProcessAsync(id, problem.Problem, redelivered: true, failOnShutdown: false, Ct));
        Assert.Equal(JobOutcome.AlreadyDone, await processor.ProcessAsync(id, problem.Problem, redelivered: false, failOnShutdown: false, Ct));

        Assert.Equal(calls + 1, factory.Judge.Calls);
        Assert.Equal(1, await RunLogsAsync(id));
    }

    [Fact(Timeout = 60_000)]
    public async Task When_a_redelivery_takes_over_a_job_still_being_judged_only_one_result_is_stored()
    {
        var processor = factory.Services.GetRequiredService<JudgeJobProcessor>();
        var (id, problem) = await QueuedRowAsync("BLOCK return a + b");

        // The first judge is slow (a broker restart handed its job to another runner meanwhile).
        var first = processor.ProcessAsync(id, problem.Problem, redelivered: false, failOnShutdown: false, Ct);
        await Task.Delay(300, Ct);
        var second = processor.ProcessAsync(id, problem.Problem, redelivered: true, failOnShutdown: false, Ct);
        await Task.Delay(300, Ct);
        factory.Judge.Release(2);

        var outcomes = await Task.WhenAll(first, second);
        Assert.Equal([JobOutcome.Superseded, JobOutcome.Judged], outcomes);
        Assert.Equal(1, await RunLogsAsync(id));
        using var scope = factory.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
        Assert.Equal(SubmissionStatuses.Finished, row.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task Of_two_deliveries_judged_at_once_the_one_whose_claim_loses_stops_judging_and_stores_nothing()
    {
        var processor = factory.Services.GetRequiredService<JudgeJobProcessor>();
        var (id, problem) = await QueuedRowAsync("BLOCK return a + b");

        // Both read the row as queued and start judging while they claim; one claim wins.
        var first = processor.ProcessAsync(id, problem.Problem, redelivered: false, failOnShutdown: false, Ct);
        var second = processor.ProcessAsync(id, problem.Problem, redelivered: false, failOnShutdown: false, Ct);

        // The loser's judge is stopped when its claim fails: it ends without the gate being opened.
        var loser = await Task.WhenAny(first, second).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(JobOutcome.AlreadyDone, await loser);
        factory.Judge.Release(1);
        Assert.Equal(JobOutcome.Judged, await (loser == first ? second : first));
        Assert.Equal(1, await RunLogsAsync(id));
    }
}

public sealed class SqliteJobProcessorTests(ApiFactory factory) : JobProcessorTests<ApiFactory>(factory), IClassFixture<ApiFactory>;

public sealed class PostgresJobProcessorTests(PostgresApiFactory factory) : JobProcessorTests<PostgresApiFactory>(factory), IClassFixture<PostgresApiFactory>;
