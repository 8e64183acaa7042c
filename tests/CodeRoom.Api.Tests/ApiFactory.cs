using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Api.Judging;
using CodeRoom.Dispatch;
using CodeRoom.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeRoom.Api.Tests;

/// <summary>The real service (Program) on a test server, with its own database (a SQLite file or a fresh PostgreSQL
/// database), a problem bank folder imported at start, and real HS256 tokens.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Secret = "test-secret-that-is-long-enough-for-hs256-0123456789";
    public const string HiddenMarkerInput = "987654321";
    public const string HiddenMarkerExpected = "987654322";

    public FakeJudge Judge { get; } = new();
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["JWT_SECRET"] = Secret,
        ["RateLimit:PermitsPerWindow"] = "100000",
        ["AttemptLimits:PermitsPerWindow"] = "100000",
        ["DraftLimits:PermitsPerWindow"] = "100000",
        ["JudgeQueue:Workers"] = "2",
        ["JudgeQueue:WaitSeconds"] = "2",
        ["Content:WebRoot"] = "/nonexistent/coderoom-web-out",
    };

    protected virtual bool UsePostgres => false;

    protected virtual bool UseRealPort => false;

    /// <summary>Most API tests pin the judge's answers; <see cref="RealJudgeApiFactory"/> runs the real sandbox.</summary>
    protected virtual bool UseFakeJudge => true;

    public async ValueTask InitializeAsync()
    {
        var problems = Directory.CreateTempSubdirectory("coderoom-problems-").FullName;
        WriteProblem(Path.Combine(problems, "add-two"));
        Settings["Content:ProblemsDirectory"] = problems;
        if (UsePostgres)
        {
            Settings["DATABASE_URL"] = await TestServers.CreatePostgresDatabaseAsync("coderoom_api");
        }
        else
        {
            Settings["DATABASE_URL"] = "";
            Settings["Content:SqlitePath"] = Path.Combine(Path.GetTempPath(), $"coderoom-api-{Guid.NewGuid():N}.db");
        }
        Configure();
        if (UseRealPort)
        {
            UseKestrel(0); // a real loopback port (for an outside client such as Prometheus)
            StartServer();
        }
        else
        {
            _ = Server; // start now: migrations and import run before the first test
        }
    }

    protected virtual void Configure()
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (UseFakeJudge)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<ICodeJudge>(Judge));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public static string Token(string userId, string role = "candidate", string secret = Secret, IEnumerable<string>? interviewIds = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("role", role),
                .. (interviewIds ?? []).Select(i => new Claim("interview_id", i))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
    }

    public HttpClient ClientFor(string userId, string role = "candidate")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(userId, role));
        return client;
    }

    public static void WriteProblem(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "tests"));
        Directory.CreateDirectory(Path.Combine(dir, "solutions"));
        File.WriteAllText(Path.Combine(dir, "problem.json"), """
            { "slug": "add-two", "title": "Add Two", "difficulty": "easy", "topics": ["math"],
              "signature": { "function_name": "addTwo", "function_names": { "python": "add_two" },
                             "params": [ { "name": "a", "type": "long" }, { "name": "b", "type": "long" } ],
                             "return_type": "long" },
              "limits": { "time_limit_ms": 500, "memory_limit_mb": 256 } }
            """);
        File.WriteAllText(Path.Combine(dir, "statement.md"), "Return a + b.");
        File.WriteAllText(Path.Combine(dir, "constraints.md"), "- |a|, |b| <= 10^12");
        File.WriteAllText(Path.Combine(dir, "tests", "public.json"), """
            [ { "input": { "a": 1, "b": 2 }, "expected": 3, "category": "example" },
              { "input": { "a": 2, "b": 2 }, "expected": 4, "category": "example" } ]
            """);
        File.WriteAllText(Path.Combine(dir, "tests", "hidden.json"), $$"""
            [ { "input": { "a": -5, "b": 5 }, "expected": 0, "category": "negatives" },
              { "input": { "a": {{HiddenMarkerInput}}, "b": 1 }, "expected": {{HiddenMarkerExpected}}, "category": "big" } ]
            """);
        File.WriteAllText(Path.Combine(dir, "solutions", "reference.py"), "class Solution:\n    def add_two(self, a, b):\n        return a + b\n");
    }
}

public sealed class PostgresApiFactory : ApiFactory
{
    protected override bool UsePostgres => true;
}

/// <summary>The service with the real judge: real sandbox, real toolchains (its own uid range and cgroup subtree).</summary>
public class RealJudgeApiFactory : ApiFactory
{
    protected override bool UseFakeJudge => false;

    protected override void Configure()
    {
        // Overridable (as the CLI reads them) so that several checkouts can run this suite on one machine without
        // sharing uids, cgroups or box folders.
        var cgroup = Environment.GetEnvironmentVariable("CODEROOM_Sandbox__CgroupName") is { Length: > 0 } c ? c : "coderoom-api-tests";
        Settings["Sandbox:CgroupName"] = cgroup;
        Settings["Sandbox:BoxRoot"] = Environment.GetEnvironmentVariable("CODEROOM_Sandbox__BoxRoot") is { Length: > 0 } root
            ? root : Path.Combine(Path.GetTempPath(), cgroup == "coderoom-api-tests" ? "coderoom-api-test-boxes" : cgroup + "-boxes");
        Settings["Sandbox:FirstSlotUid"] = Environment.GetEnvironmentVariable("CODEROOM_Sandbox__FirstSlotUid") is { Length: > 0 } uid
            ? uid : "65000";
        Settings["Sandbox:Slots"] = "2";
        Settings["JudgeQueue:WaitSeconds"] = "30";
    }
}

public sealed class PostgresRealJudgeApiFactory : RealJudgeApiFactory
{
    protected override bool UsePostgres => true;
}

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonObject> Json200(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<Guid> NewAttemptAsync(this HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/attempts", new { interview_id = "interview-1" });
        return (await response.Json200())["attempt_id"]!.GetValue<Guid>();
    }

    /// <summary>Polls /api/coding/status until the job is no longer queued or running (or the deadline passes).</summary>
    public static async Task<JsonObject> WaitForResultAsync(this HttpClient client, Guid id, CancellationToken cancellationToken,
        double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonObject status;
        do
        {
            await Task.Delay(100, cancellationToken);
            status = await (await client.GetAsync($"/api/coding/status?id={id}", cancellationToken)).Json200();
        }
        while (status["status"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        return status;
    }

    public static Task<HttpResponseMessage> RunAsync(this HttpClient client, Guid attempt, string code, object? customInputs = null) =>
        client.PostAsJsonAsync("/api/coding/run", new { attempt_id = attempt, problem_id = "add-two", language = "python", code, custom_inputs = customInputs });

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid attempt, string code) =>
        client.PostAsJsonAsync("/api/coding/submit", new { attempt_id = attempt, problem_id = "add-two", language = "python", code });
}
