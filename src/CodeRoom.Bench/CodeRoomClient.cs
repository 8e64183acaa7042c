using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CodeRoom.Bench;

/// <summary>How one Run ended, seen from the client. Kind: ok (accepted), wrong (judged, not accepted), failed
/// (status failed: our machinery), http_429, http_503 (RetryAfter tells whether the header came), http_other,
/// timeout (no answer within the client's bound: the one outcome the issue forbids).</summary>
internal sealed record RunOutcome(string Kind, int HttpStatus, double LatencyMs, bool Polled, string? Id, string? Verdict,
    bool RetryAfter, double? FirstRuntimeMs, string? Error = null);

/// <summary>One candidate as the interview app would drive it: a dev token, an attempt, then runs.</summary>
internal sealed class CodeRoomClient
{
    private readonly HttpClient _http;
    private readonly string _token;
    private readonly string _attemptId;

    private CodeRoomClient(HttpClient http, string token, string attemptId)
    {
        _http = http;
        _token = token;
        _attemptId = attemptId;
    }

    public static HttpClient CreateHttp(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        // The bound on one request: past it the run counts as a silent time-out, which the issue forbids.
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<string> TokenAsync(HttpClient http, string userId, string role, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/dev/token", new JsonObject { ["user_id"] = userId, ["role"] = role }, cancellationToken);
        await EnsureAsync(response, "POST /api/dev/token", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body!["access_token"]!.GetValue<string>();
    }

    public static async Task<CodeRoomClient> CreateAsync(HttpClient http, string userId, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(http, userId, "candidate", cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/attempts")
        {
            Content = JsonContent.Create(new JsonObject { ["interview_id"] = "bench" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, "POST /api/attempts", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return new CodeRoomClient(http, token, body!["attempt_id"]!.GetValue<string>());
    }

    public static async Task PutProblemAsync(HttpClient http, string adminToken, JsonObject problem, CancellationToken cancellationToken)
    {
        var slug = problem["slug"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/admin/problems/" + slug) { Content = JsonContent.Create(problem) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, "PUT /api/admin/problems/" + slug, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>POST /api/coding/run, then poll /api/coding/status while the answer is 202 (queued or running). The
    /// latency is the candidate's: from pressing Run to holding the result.</summary>
    public async Task<RunOutcome> RunAsync(string problem, string language, string code, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var polled = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/coding/run")
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["attempt_id"] = _attemptId,
                    ["problem_id"] = problem,
                    ["language"] = language,
                    ["code"] = code,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await _http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                var kind = response.StatusCode == HttpStatusCode.TooManyRequests ? "http_429" : "http_503";
                return new RunOutcome(kind, status, watch.Elapsed.TotalMilliseconds, false, null, null,
                    response.Headers.RetryAfter is not null, null);
            }
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
            {
                return new RunOutcome("http_other", status, watch.Elapsed.TotalMilliseconds, false, null, null, false, null);
            }
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            var id = body["id"]!.GetValue<string>();
            // Bounded polling: the HttpClient timeout bounds each call, this bounds the whole wait.
            while (body["status"]?.GetValue<string>() is "queued" or "running")
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(120))
                {
                    return new RunOutcome("timeout", status, watch.Elapsed.TotalMilliseconds, true, id, null, false, null);
                }
                polled = true;
                await Task.Delay(50, cancellationToken);
                using var poll = new HttpRequestMessage(HttpMethod.Get, "api/coding/status?id=" + id);
                poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                using var pollResponse = await _http.SendAsync(poll, cancellationToken);
                if (pollResponse.StatusCode != HttpStatusCode.OK)
                {
                    return new RunOutcome("http_other", (int)pollResponse.StatusCode, watch.Elapsed.TotalMilliseconds, true, id, null, false, null);
                }
                body = (await pollResponse.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            }
            var latency = watch.Elapsed.TotalMilliseconds;
            if (body["status"]?.GetValue<string>() == "failed")
            {
                return new RunOutcome("failed", status, latency, polled, id, null, false, null);
            }
            var verdict = body["summary"]?["status"]?.GetValue<string>();
            var runtime = body["results"] is JsonArray { Count: > 0 } results && results[0]?["runtime_ms"] is JsonValue ms
                ? ms.GetValue<double>() : (double?)null;
            // For a correct solution judged otherwise: the first failing test's message, so the report can say why.
            var error = verdict == "accepted" ? null
                : (body["results"] as JsonArray)?.Select(t => t?["error"]?.GetValue<string>()).FirstOrDefault(e => e is not null)
                  ?? body["compile_output"]?.GetValue<string>();
            return new RunOutcome(verdict == "accepted" ? "ok" : "wrong", status, latency, polled, id, verdict, false, runtime, error);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RunOutcome("timeout", 0, watch.Elapsed.TotalMilliseconds, polled, null, null, false, null);
        }
        catch (HttpRequestException)
        {
            return new RunOutcome("http_other", 0, watch.Elapsed.TotalMilliseconds, polled, null, null, false, null);
        }
    }
}
