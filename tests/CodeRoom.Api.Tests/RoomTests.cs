using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Api.Tests;

/// <summary>The service on a real loopback port (WebSockets), with a small history cap for the cap test.</summary>
public class RoomFactory : ApiFactory
{
    public const long HistoryCap = 64 * 1024;
    public const int UpdatesPerSecond = 20;
    public const int ConnectionsPerUser = 6;

    protected override bool UseRealPort => true;

    protected override void Configure()
    {
        Settings["Room:MaxHistoryBytesPerAttempt"] = HistoryCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Room:MaxCodeUpdatesPerSecond"] = UpdatesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Room:MaxConnectionsPerUser"] = ConnectionsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class PostgresRoomFactory : RoomFactory
{
    protected override bool UsePostgres => true;
}

/// <summary>Tokens and hub connections of the room's tests.</summary>
public static class Room
{
    public static string Token(string userId, string role, params string[] interviews) =>
        ApiFactory.Token(userId, role, ApiFactory.Secret, interviews);

    public static HttpClient Client(this ApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HubConnection> ConnectAsync(this ApiFactory factory, string token, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.ClientOptions.BaseAddress, "/hubs/room"), HttpTransportType.WebSockets, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    public static Channel<JsonElement> Collect(this HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>(method, e => channel.Writer.TryWrite(e));
        return channel;
    }

    public static async Task<JsonElement> NextAsync(this Channel<JsonElement> channel, Func<JsonElement, bool> match, TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        while (true)
        {
            var e = await channel.Reader.ReadAsync(cts.Token);
            if (match(e))
            {
                return e;
            }
        }
    }

    public static async Task<Guid> BoundAttemptAsync(this HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.PostAsJsonAsync("/api/attempts", new { }, cancellationToken);
        var body = await response.Json200();
        Assert.True(body["interview_bound"]!.GetValue<bool>(), body.ToJsonString());
        return body["attempt_id"]!.GetValue<Guid>();
    }

    /// <summary>A candidate of a fresh interview with a bound attempt, joined on the hub.</summary>
    public static async Task<(HttpClient Client, Guid Attempt, HubConnection Hub)> JoinedCandidateAsync(this ApiFactory factory, string name,
        CancellationToken cancellationToken)
    {
        var token = Token(name + "-" + Guid.NewGuid(), "candidate", name + "-interview");
        var client = factory.Client(token);
        var attempt = await client.BoundAttemptAsync(cancellationToken);
        var hub = await factory.ConnectAsync(token, cancellationToken);
        await hub.InvokeAsync("Join", attempt, cancellationToken);
        return (client, attempt, hub);
    }

    public static Task Code(this HubConnection hub, Guid attempt, string code, CancellationToken cancellationToken, string language = "python") =>
        hub.InvokeAsync("Code", new { attempt_id = attempt, problem_id = "add-two", language, code }, cancellationToken);
}

/// <summary>Issue 16 on one instance: who may watch, what they see, the history and its cap.</summary>
public abstract class RoomTests<TFactory>(TFactory factory) where TFactory : RoomFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task The_interviewer_sees_typing_runs_and_submit_summaries_live_and_the_candidate_sees_the_interviewer()
    {
        var interview = "iv-" + Guid.NewGuid().ToString("N");
        var candidateToken = Room.Token("cand-" + Guid.NewGuid(), "candidate", interview);
        var candidate = factory.Client(candidateToken);
        var attempt = await candidate.BoundAttemptAsync(Ct);

        await using var candidateHub = await factory.ConnectAsync(candidateToken, Ct);
        var watchers = candidateHub.Collect("watcher");
        await candidateHub.InvokeAsync("Join", attempt, Ct);
        await candidateHub.Code(attempt, "class Solution:\n    pass\n", Ct);

        await using var interviewerHub = await factory.ConnectAsync(Room.Token("iv-" + Guid.NewGuid(), "interviewer", interview), Ct);
        var code = interviewerHub.Collect("code");
        var results = interviewerHub.Collect("result");
        var state = await interviewerHub.InvokeAsync<JsonElement>("Watch", attempt, Ct);
        Assert.Equal("class Solution:\n    pass\n", state.GetProperty("code").GetString());
        Assert.Equal("python", state.GetProperty("language").GetString());
        var present = await watchers.NextAsync(_ => true, TimeSpan.FromSeconds(5));
        Assert.True(present.GetProperty("present").GetBoolean());

        var typed = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
        var sent = DateTime.UtcNow;
        await candidateHub.Code(attempt, typed, Ct);
        var seen = await code.NextAsync(e => e.GetProperty("code").GetString() == typed, TimeSpan.FromSeconds(5));
        Assert.True(DateTime.UtcNow - sent < TimeSpan.FromMilliseconds(500), $"took {(DateTime.UtcNow - sent).TotalMilliseconds} ms");
        Assert.Equal("python", seen.GetProperty("language").GetString());

        var run = await (await candidate.RunAsync(attempt, typed)).Json200();
        var liveRun = await results.NextAsync(e => e.GetProperty("kind").GetString() == "run", TimeSpan.FromSeconds(10));
        Assert.Equal(run["summary"]!.ToJsonString(), JsonNode.Parse(liveRun.GetProperty("result").GetProperty("summary").GetRawText())!.ToJsonString());
        Assert.Equal(2, liveRun.GetProperty("result").GetProperty("results").GetArrayLength());

        await (await candidate.SubmitAsync(attempt, typed)).Json200();
        var liveSubmit = await results.NextAsync(e => e.GetProperty("kind").GetString() == "submit", TimeSpan.FromSeconds(10));
        Assert.False(liveSubmit.GetProperty("result").TryGetProperty("results", out _));
        Assert.DoesNotContain(HiddenMarkerInput, liveSubmit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(HiddenMarkerExpected, liveSubmit.GetRawText(), StringComparison.Ordinal);

        await interviewerHub.StopAsync(Ct);
        var left = await watchers.NextAsync(e => !e.GetProperty("present").GetBoolean(), TimeSpan.FromSeconds(5));
        Assert.Equal(present.GetProperty("watcher_id").GetString(), left.GetProperty("watcher_id").GetString());

        var history = await (await candidate.GetAsync($"/api/attempts/{attempt}/history", Ct)).Json200();
        var kinds = history["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["snapshot", "edit", "run", "submit"], kinds);
    }

    private static string HiddenMarkerInput => ApiFactory.HiddenMarkerInput;

    private static string HiddenMarkerExpected => ApiFactory.HiddenMarkerExpected;

    [Fact(Timeout = 60_000)]
    public async Task Nobody_but_the_candidate_and_their_interviews_interviewer_can_see_an_attempt()
    {
        var interview = "iv-" + Guid.NewGuid().ToString("N");
        var candidate = factory.Client(Room.Token("cand-" + Guid.NewGuid(), "candidate", interview));
        var attempt = await candidate.BoundAttemptAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync($"/api/attempts/{attempt}/history", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client(Room.Token("iv", "interviewer", "other", interview))
            .GetAsync($"/api/attempts/{attempt}/history", Ct)).StatusCode);

        string[] strangers =
        [
            Room.Token("cand2-" + Guid.NewGuid(), "candidate", interview), // another candidate of the same interview
            Room.Token("iv2", "interviewer", "other-interview"),
            Room.Token("iv3", "interviewer"),
            Room.Token("adm", "admin", interview), // the claim alone is not the role
        ];
        foreach (var token in strangers)
        {
            var client = factory.Client(token);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/attempts/{attempt}/history", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/attempts/{attempt}", Ct)).StatusCode);
            await using var hub = await factory.ConnectAsync(token, Ct);
            var watch = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("Watch", attempt, Ct));
            Assert.Contains("not found", watch.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Join", attempt, Ct));
            // Code without a successful join is refused too.
            await Assert.ThrowsAsync<HubException>(() => hub.Code(attempt, "x", Ct));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client(Room.Token("iv", "interviewer", interview))
            .GetAsync($"/api/attempts/{Guid.NewGuid()}/history", Ct)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_candidate_cannot_attach_an_attempt_to_an_interview_their_token_does_not_name()
    {
        var interview = "iv-" + Guid.NewGuid().ToString("N");
        // With a claim, naming another interview is refused.
        var bound = factory.Client(Room.Token("c-" + Guid.NewGuid(), "candidate", "mine"));
        var refused = await bound.PostAsJsonAsync("/api/attempts", new { interview_id = interview }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("interview_id", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Without one, the body's interview_id is a label: that interview's interviewer still cannot watch it.
        var unbound = factory.Client(Room.Token("c-" + Guid.NewGuid(), "candidate"));
        var body = await (await unbound.PostAsJsonAsync("/api/attempts", new { interview_id = interview }, Ct)).Json200();
        Assert.False(body["interview_bound"]!.GetValue<bool>());
        var attempt = body["attempt_id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client(Room.Token("iv", "interviewer", interview))
            .GetAsync($"/api/attempts/{attempt}/history", Ct)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_history_stops_at_its_cap_with_one_truncated_marker_and_replays_exactly_up_to_it()
    {
        var (client, attempt, hub) = await factory.JoinedCandidateAsync("cap", Ct);
        await using var _ = hub;
        var code = "";
        for (var i = 0; i < 40; i++)
        {
            // Every update replaces the whole text (a snapshot each time), 4 KB apiece: well past 64 KB.
            code = new string((char)('a' + (i % 26)), 4000) + i;
            await hub.Code(attempt, code, Ct);
            await Task.Delay(60, Ct); // under the 20 per second rate
        }
        var history = await (await client.GetAsync($"/api/attempts/{attempt}/history", Ct)).Json200();
        Assert.True(history["truncated"]!.GetValue<bool>());
        Assert.InRange(history["history_bytes"]!.GetValue<long>(), RoomFactory.HistoryCap - 5000, RoomFactory.HistoryCap);
        var events = history["events"]!.AsArray();
        Assert.Single(events, e => e!["kind"]!.GetValue<string>() == "truncated");
        Assert.Equal("truncated", events[^1]!["kind"]!.GetValue<string>());
        Assert.InRange(events.Count, 10, 20);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_candidate_who_types_the_history_full_cannot_hide_a_later_run_from_the_interviewer_or_the_replay()
    {
        var (client, attempt, hub) = await factory.JoinedCandidateAsync("hide", Ct);
        await using var _ = hub;
        await using var watcher = await factory.ConnectAsync(Room.Token("iv-hide", "interviewer", "hide-interview"), Ct);
        var results = watcher.Collect("result");
        await watcher.InvokeAsync<JsonElement>("Watch", attempt, Ct);
        for (var i = 0; i < 20; i++)
        {
            await hub.Code(attempt, new string((char)('a' + i), 8000), Ct); // a snapshot each: 160 KB, past the 64 KB cap
            await Task.Delay(60, Ct);
        }
        var code = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";
        await (await client.RunAsync(attempt, code)).Json200();
        var live = await results.NextAsync(e => e.GetProperty("kind").GetString() == "run", TimeSpan.FromSeconds(10));
        Assert.Equal(code, live.GetProperty("code").GetString());
        var history = await (await client.GetAsync($"/api/attempts/{attempt}/history", Ct)).Json200();
        Assert.True(history["truncated"]!.GetValue<bool>());
        var events = history["events"]!.AsArray();
        Assert.Single(events, e => e!["kind"]!.GetValue<string>() == "truncated");
        Assert.Equal("run", events[^1]!["kind"]!.GetValue<string>());
        Assert.Equal(code, events[^1]!["text"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task Edits_replay_to_exactly_what_was_typed_and_a_language_switch_is_recorded()
    {
        var (client, attempt, hub) = await factory.JoinedCandidateAsync("rp", Ct);
        await using var _ = hub;
        var random = new Random(16);
        var code = "";
        var typed = new List<string>();
        for (var i = 0; i < 70; i++)
        {
            var at = random.Next(code.Length + 1);
            var cut = random.Next(Math.Min(3, code.Length - at) + 1);
            // The editor never splits a surrogate pair (a lone half is not text).
            at -= at > 0 && at < code.Length && char.IsLowSurrogate(code[at]) ? 1 : 0;
            cut = Math.Min(cut, code.Length - at);
            cut += at + cut < code.Length && char.IsLowSurrogate(code[at + cut]) ? 1 : 0;
            code = code[..at] + (i % 7 == 0 ? "é😀\n" : "ab" + i) + code[(at + cut)..];
            typed.Add(code);
            await hub.Code(attempt, code, Ct);
            // Under the 20 a second the join shares its window with (52 ms apart was 21 with the join on a fast machine).
            await Task.Delay(60, Ct);
        }
        await hub.Code(attempt, "function addTwo(a, b) { return a + b; }", Ct, "javascript");
        var rows = await ReadRowsAsync(attempt);
        Assert.Contains(rows, r => r.Kind == "edit");
        Assert.Equal(2, rows.Count(r => r.Kind == "snapshot") - 1); // the first, one after 50 edits, one after the switch
        Assert.Single(rows, r => r.Kind == "language" && r.Language == "javascript");
        var codeRows = rows.Where(r => r.Kind is "snapshot" or "edit").ToList();
        // Replaying every prefix of the history gives every text typed, in order.
        var replayed = Enumerable.Range(1, codeRows.Count).Select(n => CodeRoom.Storage.History.AttemptHistory.Replay(codeRows.Take(n))!.Code).ToList();
        Assert.Equal([.. typed, "function addTwo(a, b) { return a + b; }"], replayed);
    }

    [Fact(Timeout = 60_000)]
    public async Task Code_updates_are_rate_limited_and_size_capped_per_connection()
    {
        var (_, attempt, hub) = await factory.JoinedCandidateAsync("rl", Ct);
        await using var _ = hub;
        var big = await Assert.ThrowsAsync<HubException>(() => hub.Code(attempt, new string('x', 60 * 1024), Ct));
        Assert.Contains("larger than", big.Message, StringComparison.Ordinal);
        var refused = 0;
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await hub.Code(attempt, "x" + i, Ct);
            }
            catch (HubException e) when (e.Message.Contains("per second", StringComparison.Ordinal))
            {
                refused++;
            }
        }
        Assert.InRange(refused, 1, 39);
    }

    [Fact(Timeout = 60_000)]
    public async Task Code_with_a_NUL_or_a_lone_surrogate_is_a_hub_error_not_forwarded_and_the_connection_keeps_working()
    {
        var (client, attempt, hub) = await factory.JoinedCandidateAsync("nul", Ct);
        await using var _ = hub;
        var interview = "nul-interview"; // JoinedCandidateAsync's interview for the name "nul"
        await using var watcher = await factory.ConnectAsync(Room.Token("iv-nul", "interviewer", interview), Ct);
        var code = watcher.Collect("code");
        await watcher.InvokeAsync<JsonElement>("Watch", attempt, Ct);

        var nul = await Assert.ThrowsAsync<HubException>(() => hub.Code(attempt, "print(1)\0", Ct));
        Assert.Contains("NUL", nul.Message, StringComparison.Ordinal);
        var slug = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Code",
            new { attempt_id = attempt, problem_id = "add-two\0", language = "python", code = "x" }, Ct));
        Assert.Contains("NUL", slug.Message, StringComparison.Ordinal);
        // A lone surrogate is refused as well, never stored on one database only. The .NET client would send U+FFFD in
        // its place, a browser's JSON.stringify sends "\ud800": so the frame is written by hand.
        var raw = await RawHubAsync(factory, client.DefaultRequestHeaders.Authorization!.Parameter!);
        await SendFrameAsync(raw, $$"""{"type":1,"invocationId":"1","target":"Join","arguments":["{{attempt}}"]}""");
        Assert.DoesNotContain("\"error\"", await ReceiveFrameAsync(raw), StringComparison.Ordinal);
        await SendFrameAsync(raw, $$"""{"type":1,"invocationId":"2","target":"Code","arguments":[{"attempt_id":"{{attempt}}","problem_id":"add-two","language":"python","code":"x\ud800"}]}""");
        var answer = await ReceiveFrameAsync(raw);
        Assert.Contains("\"error\"", answer, StringComparison.Ordinal);
        // Refused by the JSON reader (System.Text.Json will not unescape a lone surrogate: SignalR's binding failure,
        // "Failed to invoke") or by the hub's own check; never "An unexpected error occurred invoking", which is what an
        // exception from the store would say.
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(answer, "Failed to invoke 'Code'|HubException: problem_id and code"), answer);
        Assert.DoesNotContain("unexpected error", answer, StringComparison.Ordinal);

        await hub.Code(attempt, "fine", Ct);
        var seen = await code.NextAsync(_ => true, TimeSpan.FromSeconds(5));
        Assert.Equal("fine", seen.GetProperty("code").GetString());
        var rows = await ReadRowsAsync(attempt);
        Assert.Equal(["fine"], rows.Select(r => r.Text));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/attempts/{attempt}/history", Ct)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_user_cannot_multiply_the_update_rate_or_open_unbounded_connections()
    {
        var token = Room.Token("many-" + Guid.NewGuid(), "candidate", "many-interview");
        var attempt = await factory.Client(token).BoundAttemptAsync(Ct);
        var hubs = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var hub = await factory.ConnectAsync(token, Ct);
                hubs.Add(hub);
                await hub.InvokeAsync("Join", attempt, Ct);
            }
            // 4 connections x 10 updates at once: per connection that is within 20 a second, per user it is not.
            var refused = 0;
            await Task.WhenAll(hubs.Select(async (hub, h) =>
            {
                for (var i = 0; i < 10; i++)
                {
                    try
                    {
                        await hub.Code(attempt, $"h{h} u{i}", Ct);
                    }
                    catch (HubException e) when (e.Message.Contains("per second", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            }));
            Assert.True(refused >= 40 + 4 - 2 * RoomFactory.UpdatesPerSecond, $"{refused} refused");

            // The connection cap: the next socket past it is closed by the service.
            while (hubs.Count < RoomFactory.ConnectionsPerUser)
            {
                hubs.Add(await factory.ConnectAsync(token, Ct));
            }
            await using var extra = await factory.ConnectAsync(token, Ct);
            var closed = new TaskCompletionSource();
            extra.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            if (extra.State != HubConnectionState.Disconnected)
            {
                await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            }
            // Closing one frees its place.
            await hubs[^1].DisposeAsync();
            hubs.RemoveAt(hubs.Count - 1);
            await Task.Delay(1100, Ct); // and the next second's window
            await using var again = await factory.ConnectAsync(token, Ct);
            await again.InvokeAsync("Join", attempt, Ct);
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task The_hub_takes_the_token_from_the_access_token_query_and_refuses_without_one()
    {
        var http = factory.CreateClient();
        var token = Room.Token("q-" + Guid.NewGuid(), "candidate");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/hubs/room/negotiate?negotiateVersion=1", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/hubs/room/negotiate?negotiateVersion=1&access_token=not-a-token", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/hubs/room/negotiate?negotiateVersion=1&access_token={token}", null, Ct)).StatusCode);
        // Only on the hub's path: elsewhere the query is not a credential.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/attempts/{Guid.NewGuid()}?access_token={token}", Ct)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_hub_connection_is_closed_when_its_token_expires()
    {
        var now = DateTime.UtcNow;
        var shortLived = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "exp-" + Guid.NewGuid()),
                new System.Security.Claims.Claim("role", "interviewer"), new System.Security.Claims.Claim("interview_id", "exp-interview")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(3),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(ApiFactory.Secret)),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        await using var hub = await factory.ConnectAsync(shortLived, Ct);
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        // Without CloseOnAuthenticationExpiration the watcher would stay in the interview's groups for as long as the
        // socket lives, whatever its token said.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact(Timeout = 60_000)]
    public async Task Deleting_an_attempt_prunes_its_history()
    {
        var (client, attempt, hub) = await factory.JoinedCandidateAsync("pr", Ct);
        await using var _ = hub;
        await hub.Code(attempt, "a", Ct);
        await hub.Code(attempt, "ab", Ct);
        await (await client.RunAsync(attempt, "ab")).Json200();
        Assert.Equal(3, (await ReadRowsAsync(attempt)).Count);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Attempts.Where(a => a.Id == attempt).ExecuteDeleteAsync(Ct);
        }
        Assert.Empty(await ReadRowsAsync(attempt));
    }

    /// <summary>A WebSocket speaking SignalR's JSON protocol by hand, past the handshake.</summary>
    private static async Task<System.Net.WebSockets.ClientWebSocket> RawHubAsync(ApiFactory factory, string token)
    {
        var ws = new System.Net.WebSockets.ClientWebSocket();
        var uri = new UriBuilder(new Uri(factory.ClientOptions.BaseAddress, "/hubs/room")) { Scheme = "ws", Query = "access_token=" + token }.Uri;
        await ws.ConnectAsync(uri, Ct);
        await SendFrameAsync(ws, """{"protocol":"json","version":1}""");
        Assert.Equal("{}", await ReceiveFrameAsync(ws));
        return ws;
    }

    private static Task SendFrameAsync(System.Net.WebSockets.ClientWebSocket ws, string json) =>
        ws.SendAsync(System.Text.Encoding.UTF8.GetBytes(json + "\u001e"), System.Net.WebSockets.WebSocketMessageType.Text, true, Ct);

    /// <summary>The next frame that is not a ping (type 6).</summary>
    private static async Task<string> ReceiveFrameAsync(System.Net.WebSockets.ClientWebSocket ws)
    {
        while (true)
        {
            var buffer = new byte[64 * 1024];
            var result = await ws.ReceiveAsync(buffer, Ct);
            foreach (var frame in System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count).Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!frame.Contains("\"type\":6", StringComparison.Ordinal))
                {
                    return frame;
                }
            }
        }
    }

    private async Task<List<AttemptEventEntity>> ReadRowsAsync(Guid attempt)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await CodeRoom.Storage.History.AttemptHistory.ReadAsync(db, attempt, Ct);
    }
}

public sealed class SqliteRoomTests(RoomFactory factory) : RoomTests<RoomFactory>(factory), IClassFixture<RoomFactory>;

public sealed class PostgresRoomTests(PostgresRoomFactory factory) : RoomTests<PostgresRoomFactory>(factory), IClassFixture<PostgresRoomFactory>;
