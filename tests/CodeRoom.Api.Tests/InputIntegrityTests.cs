using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CodeRoom.Storage;
using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeRoom.Api.Tests;

/// <summary>Tokens correctly signed by the host app's key but without one usable sub are refused everywhere.</summary>
public sealed class SubjectTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> BadSubjects => new()
    {
        "empty", "spaces", "tab", "missing", "array", "nul", "too-long", "lone-surrogate",
    };

    /// <summary>An HS256 token written by hand, for payloads the token library would not write (invalid UTF-16).</summary>
    private static string HandMadeToken(string payloadJson)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var signed = B64(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""")) + "." + B64(Encoding.UTF8.GetBytes(payloadJson));
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(ApiFactory.Secret));
        return signed + "." + B64(hmac.ComputeHash(Encoding.ASCII.GetBytes(signed)));
    }

    private static string TokenFor(string kind)
    {
        if (kind == "lone-surrogate")
        {
            var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
            return HandMadeToken($$"""{"sub":"alice\uD800","role":"admin","exp":{{exp}}}""");
        }
        var claims = new Dictionary<string, object> { ["role"] = "admin" };
        switch (kind)
        {
            case "empty": claims["sub"] = ""; break;
            case "spaces": claims["sub"] = "   "; break;
            case "tab": claims["sub"] = "\t\n"; break;
            case "array": claims["sub"] = new[] { "alice", "bob" }; break;
            case "nul": claims["sub"] = "alice\0"; break;
            case "too-long": claims["sub"] = new string('a', 201); break;
            case "missing": break;
            default: claims["sub"] = kind; break;
        }
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFactory.Secret)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Theory]
    [MemberData(nameof(BadSubjects))]
    public async Task A_token_without_one_usable_sub_is_refused_401_on_every_endpoint(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(kind));
        var attempt = Guid.NewGuid();
        var requests = new List<(string Name, Func<Task<HttpResponseMessage>> Send)>
        {
            ("GET problems", () => client.GetAsync("/api/problems", ct)),
            ("GET problem", () => client.GetAsync("/api/problems/add-two", ct)),
            ("POST attempts", () => client.PostAsJsonAsync("/api/attempts", new { interview_id = "i" }, ct)),
            ("GET attempt", () => client.GetAsync($"/api/attempts/{attempt}", ct)),
            ("PUT drafts", () => client.PutAsJsonAsync("/api/coding/drafts", new { attempt_id = attempt, problem_id = "add-two", language = "python", code = "x" }, ct)),
            ("GET drafts", () => client.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language=python", ct)),
            ("POST run", () => client.RunAsync(attempt, "x")),
            ("POST submit", () => client.SubmitAsync(attempt, "x")),
            ("GET status", () => client.GetAsync($"/api/coding/status?id={attempt}", ct)),
            ("GET admin problem", () => client.GetAsync("/api/admin/problems/add-two", ct)),
            ("PUT admin problem", () => client.PutAsJsonAsync("/api/admin/problems/x", new { title = "x" }, ct)),
        };
        foreach (var (name, send) in requests)
        {
            var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_same_token_with_a_real_sub_is_accepted()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor("alice-" + Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/problems/add-two", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/attempts", new { interview_id = "i" }, TestContext.Current.CancellationToken)).StatusCode);

        // The hand-made token of the lone-surrogate case is a valid token when its sub is.
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            HandMadeToken($$"""{"sub":"alice\u00e9","role":"admin","exp":{{exp}}}"""));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/problems/add-two", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class DevModeSubjectTests(DevModeFactory factory) : IClassFixture<DevModeFactory>
{
    [Theory]
    [InlineData("   ")]
    [InlineData("alice\u0000")]
    [InlineData("alice\nbob")]
    public async Task The_dev_sign_in_refuses_a_user_id_no_token_may_carry(string userId)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/dev/token", new { user_id = userId, role = "candidate" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]!["user_id"]);
    }
}

/// <summary>Text PostgreSQL cannot store is refused the same way on SQLite: NUL (U+0000) anywhere in a request is a
/// 400 naming the field (text that merely spells an escape, <c>"\0"</c>, is ordinary text), and so is a value longer
/// than its column; never a 500.</summary>
public abstract class StorableTextTests<TFactory>(TFactory factory) where TFactory : ApiFactory
{
    private const string Code = "class Solution:\n    def add_two(self, a, b):\n        return a + b\n";

    private static async Task AssertNulRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}: {body}");
        Assert.Contains("NUL", errors[field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task NUL_in_code_ids_draft_text_and_custom_inputs_is_a_400_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = "nul-" + Guid.NewGuid();
        var client = factory.ClientFor(user);
        var attempt = await client.NewAttemptAsync();

        await AssertNulRefusedAsync(await client.PostAsJsonAsync("/api/attempts", new { interview_id = "interview\0" }, ct), "interview_id");

        await AssertNulRefusedAsync(await client.PutAsJsonAsync("/api/coding/drafts",
            new { attempt_id = attempt, problem_id = "add-two", language = "python", code = Code + "\0" }, ct), "code");
        await AssertNulRefusedAsync(await client.PutAsJsonAsync("/api/coding/drafts",
            new { attempt_id = attempt, problem_id = "add-two\0", language = "python", code = Code }, ct), "problem_id");
        await AssertNulRefusedAsync(await client.PutAsJsonAsync("/api/coding/drafts",
            new { attempt_id = attempt, problem_id = "add-two", language = "python\0", code = Code }, ct), "language");

        await AssertNulRefusedAsync(await client.RunAsync(attempt, "\0" + Code), "code");
        await AssertNulRefusedAsync(await client.SubmitAsync(attempt, Code.Replace("a + b", "a +\0b", StringComparison.Ordinal)), "code");
        await AssertNulRefusedAsync(await client.PostAsJsonAsync("/api/coding/submit",
            new { attempt_id = attempt, problem_id = "\0", language = "python", code = Code }, ct), "problem_id");
        await AssertNulRefusedAsync(await client.PostAsJsonAsync("/api/coding/run",
            new { attempt_id = attempt, problem_id = "add-two", language = "python", code = Code, custom_inputs = new object[] { new { a = 1, b = 2 }, new { a = "1\0" } } }, ct),
            "custom_inputs[1].a");
        // A raw JSON body with the escape written by hand, and a key holding NUL.
        await AssertNulRefusedAsync(await client.PutAsync("/api/coding/drafts", new StringContent(
            $$"""{"attempt_id":"{{attempt}}","problem_id":"add-two","language":"python","code":"x\u0000y"}""", Encoding.UTF8, "application/json"), ct), "code");
        await AssertNulRefusedAsync(await client.PostAsync("/api/coding/run", new StringContent(
            $$"""{"attempt_id":"{{attempt}}","problem_id":"add-two","language":"python","code":"x","custom_inputs":[{"a\u0000":1}]}""", Encoding.UTF8, "application/json"), ct),
            "custom_inputs[0]");

        // A lone surrogate (which no database can store as UTF-8) is not valid JSON text: the binder's 400.
        var surrogate = await client.PutAsync("/api/coding/drafts", new StringContent(
            $$"""{"attempt_id":"{{attempt}}","problem_id":"add-two","language":"python","code":"x\uD800y"}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);

        await AssertNulRefusedAsync(await client.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two%00&language=python", ct), "problem_id");
        await AssertNulRefusedAsync(await client.GetAsync("/api/coding/status?id=%00", ct), "id");
        // (A NUL in the path, /api/problems/a%00b, is refused by the server itself before routing: Kestrel answers 400.)

        // Nothing above was stored; the same requests without NUL work, and text spelling an escape is kept as is.
        var escaped = Code.Replace("return a + b", "return a + b + len('\\0') - 1", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/coding/drafts",
            new { attempt_id = attempt, problem_id = "add-two", language = "python", code = escaped }, ct)).StatusCode);
        var draft = await (await client.GetAsync($"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language=python", ct)).Json200();
        Assert.Equal(escaped, draft["code"]!.GetValue<string>());
        var run = await (await client.RunAsync(attempt, escaped)).Json200();
        Assert.Equal("finished", run["status"]!.GetValue<string>());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.UserId == user, ct));
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.AttemptId == attempt, ct));
    }

    /// <summary>An admin client and add-two's authored contract without its slug, to vary and PUT under new slugs.</summary>
    private async Task<(HttpClient Admin, JsonObject Definition)> AuthoringAsync(CancellationToken ct)
    {
        var admin = factory.ClientFor("admin-" + Guid.NewGuid(), "admin");
        var definition = await (await admin.GetAsync("/api/admin/problems/add-two", ct)).Json200();
        definition.Remove("slug");
        return (admin, definition);
    }

    private static JsonObject With(JsonObject definition, Action<JsonObject> change)
    {
        var copy = definition.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    [Fact]
    public async Task NUL_in_an_authored_problem_is_a_400_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, definition) = await AuthoringAsync(ct);
        const string url = "/api/admin/problems/add-two-nul";
        await AssertNulRefusedAsync(await admin.PutAsJsonAsync(url, With(definition, d => d["title"] = "Add\0Two"), ct), "title");
        await AssertNulRefusedAsync(await admin.PutAsJsonAsync(url, With(definition, d => d["statement_md"] = "Return a + b.\0"), ct), "statement_md");
        await AssertNulRefusedAsync(await admin.PutAsJsonAsync(url, With(definition, d => d["tests"]![1]!["category"] = "example\0"), ct),
            "tests[1].category");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url, ct)).StatusCode);
    }

    [Fact]
    public async Task An_authored_title_or_category_longer_than_its_column_is_a_400_naming_it_on_both_databases()
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, definition) = await AuthoringAsync(ct);
        const string url = "/api/admin/problems/add-two-long";
        foreach (var (change, field, message) in new (Action<JsonObject>, string, string)[]
        {
            (d => d["title"] = new string('t', 201), "title", "at most 200 characters"),
            (d => d["tests"]![1]!["category"] = new string('c', 101), "category", "at most 100 characters"),
        })
        {
            var response = await admin.PutAsJsonAsync(url, With(definition, change), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Contains(message, JsonNode.Parse(body)!["errors"]![field]![0]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url, ct)).StatusCode);

        // 200 characters that are each two UTF-16 units still fit: the limit counts characters, as PostgreSQL does.
        var wide = await admin.PutAsJsonAsync("/api/admin/problems/add-two-wide",
            With(definition, d => d["title"] = string.Concat(Enumerable.Repeat("\U0001F600", 200))), ct);
        Assert.True(wide.IsSuccessStatusCode, await wide.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task The_storage_refuses_NUL_in_stored_text_and_replaces_it_in_the_judges_diagnostics()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.ClientFor("nul-storage-" + Guid.NewGuid());
        var attempt = await client.NewAttemptAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        db.Attempts.Add(new AttemptEntity { Id = Guid.NewGuid(), UserId = "nul-storage", InterviewId = "a\0b", CreatedAt = DateTimeOffset.UtcNow });
        var refused = await Assert.ThrowsAsync<UnstorableTextException>(() => db.SaveChangesAsync(ct));
        Assert.Equal("interview_id", refused.Column);
        db.ChangeTracker.Clear();

        var problemId = await db.Problems.Where(p => p.Slug == "add-two").Select(p => p.Id).FirstAsync(ct);
        var submission = new SubmissionEntity
        {
            Id = Guid.NewGuid(),
            AttemptId = attempt,
            ProblemId = problemId,
            UserId = "nul-storage",
            Language = "cpp",
            CodeText = "x",
            Mode = SubmissionModes.Run,
            Status = SubmissionStatuses.Finished,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Submissions.Add(submission);
        db.RunLogs.Add(new RunLogEntity
        {
            SubmissionId = submission.Id,
            CompileOk = false,
            CompileOutput = "error: bad\0byte",
            InternalMessage = "\0",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var log = await db.RunLogs.AsNoTracking().FirstAsync(l => l.SubmissionId == submission.Id, ct);
        Assert.Equal("error: bad\uFFFDbyte", log.CompileOutput);
        Assert.Equal("\uFFFD", log.InternalMessage);
    }
}

public sealed class SqliteStorableTextTests(ApiFactory factory) : StorableTextTests<ApiFactory>(factory), IClassFixture<ApiFactory>;

public sealed class PostgresStorableTextTests(PostgresApiFactory factory)
    : StorableTextTests<PostgresApiFactory>(factory), IClassFixture<PostgresApiFactory>;

/// <summary>The bank on disk holds, besides add-two, a problem whose title is longer than its column (201 characters).</summary>
public class UnstorableBankFactory : ApiFactory
{
    protected override void Configure()
    {
        var dir = Path.Combine(Settings["Content:ProblemsDirectory"]!, "long-title");
        WriteProblem(dir);
        var file = Path.Combine(dir, "problem.json");
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("\"slug\": \"add-two\"", "\"slug\": \"long-title\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Add Two\"", $"\"title\": \"{new string('t', 201)}\"", StringComparison.Ordinal));
    }
}

public sealed class PostgresUnstorableBankFactory : UnstorableBankFactory
{
    protected override bool UsePostgres => true;
}

public abstract class UnstorableBankTests<TFactory>(TFactory factory) where TFactory : UnstorableBankFactory
{
    [Fact]
    public async Task A_problem_on_disk_the_database_cannot_store_is_skipped_and_the_rest_imported_on_both_databases()
    {
        var problems = await factory.ClientFor("bank-" + Guid.NewGuid()).GetStringAsync("/api/problems", TestContext.Current.CancellationToken);
        Assert.Contains("\"add-two\"", problems);
        Assert.DoesNotContain("long-title", problems);
    }
}

public sealed class SqliteUnstorableBankTests(UnstorableBankFactory factory)
    : UnstorableBankTests<UnstorableBankFactory>(factory), IClassFixture<UnstorableBankFactory>;

public sealed class PostgresUnstorableBankTests(PostgresUnstorableBankFactory factory)
    : UnstorableBankTests<PostgresUnstorableBankFactory>(factory), IClassFixture<PostgresUnstorableBankFactory>;
