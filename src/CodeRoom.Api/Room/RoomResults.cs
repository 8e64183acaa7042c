using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Runs;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using CodeRoom.Storage.History;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Room;

/// <summary>Runs and submits in the room: stored in the attempt's history and sent to its watchers once the result is
/// known, exactly as the candidate's answer carried it (a Submit's answer has the summary only).</summary>
public sealed class RoomResults(IHubContext<RoomHub> hub, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time)
{
    public async Task RecordAsync(AppDbContext db, SubmissionEntity submission, CodingResultResponse response, CancellationToken cancellationToken)
    {
        if (response.Status is not (SubmissionStatuses.Finished or SubmissionStatuses.Failed) || response.ProblemId is null)
        {
            return;
        }
        var kind = submission.Mode == SubmissionModes.Run ? AttemptEventKinds.Run : AttemptEventKinds.Submit;
        var resultJson = JsonSerializer.Serialize(response, json.Value.SerializerOptions);
        var now = time.GetUtcNow();
        if (await AttemptHistory.RecordResultAsync(db, submission.AttemptId, submission.Id, kind, response.ProblemId, submission.Language,
                submission.CodeText, resultJson, now, cancellationToken))
        {
            await hub.Clients.Group(RoomHub.WatchGroup(submission.AttemptId)).SendAsync("result",
                new LiveResult(submission.AttemptId, kind, response.ProblemId, submission.Language, submission.CodeText,
                    JsonNode.Parse(resultJson), now), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<LiveResult>> ListAsync(AppDbContext db, Guid attemptId, CancellationToken cancellationToken)
    {
        var rows = await db.AttemptEvents.AsNoTracking()
            .Where(e => e.AttemptId == attemptId && (e.Kind == AttemptEventKinds.Run || e.Kind == AttemptEventKinds.Submit))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(e => new LiveResult(e.AttemptId, e.Kind, e.ProblemSlug, e.Language, e.Text ?? "",
            e.ResultJson is null ? null : JsonNode.Parse(e.ResultJson), e.At))];
    }
}
