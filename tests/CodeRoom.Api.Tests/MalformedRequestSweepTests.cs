using System.Net;
using System.Text;

namespace CodeRoom.Api.Tests;

/// <summary>A seeded sweep of malformed requests: random bytes, broken JSON, wrong types, huge fields, bad ids and
/// unknown values and NUL characters on every endpoint, on SQLite and PostgreSQL (whose text cannot hold NUL). Every
/// answer must be a 4xx (never a 500, a stack trace or a path).</summary>
public abstract class MalformedRequestSweepTests<TFactory>(TFactory factory) where TFactory : ApiFactory
{
    private static readonly string[] Endpoints =
    [
        "POST /api/coding/run", "POST /api/coding/submit", "PUT /api/coding/drafts", "POST /api/attempts",
        "PUT /api/admin/problems/fuzzed", "POST /api/dev/token",
    ];

    [Fact]
    public async Task A_thousand_malformed_requests_all_answer_4xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(20261125);
        var candidate = factory.ClientFor("fuzz-" + Guid.NewGuid());
        var admin = factory.ClientFor("fuzz-admin-" + Guid.NewGuid(), "admin");
        var attempt = await candidate.NewAttemptAsync();
        var failures = new List<string>();
        var count = 0;

        for (var i = 0; i < 1100; i++)
        {
            HttpResponseMessage response;
            string description;
            if (i % 10 == 9)
            {
                var url = BadGetUrl(random, attempt);
                description = "GET " + url;
                response = await candidate.GetAsync(url, ct);
            }
            else
            {
                var endpoint = Endpoints[random.Next(Endpoints.Length)];
                var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
                var body = BadBody(random, attempt);
                description = $"{endpoint} {Truncate(body)}";
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new StringContent(body, Encoding.UTF8, random.Next(20) == 0 ? "text/plain" : "application/json"),
                };
                response = await (path.Contains("admin", StringComparison.Ordinal) ? admin : candidate).SendAsync(request, ct);
            }
            count++;
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("/work/", StringComparison.Ordinal)
                || text.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{status} for {description}: {Truncate(text)}");
            }
        }
        Assert.True(count >= 1000);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static string BadGetUrl(Random random, Guid attempt) => random.Next(7) switch
    {
        6 => $"/api/coding/drafts?attempt_id={attempt}&problem_id=add{(random.Next(2) == 0 ? "%00" : "")}-two&language=python%00"[..^random.Next(0, 4)],
        0 => "/api/coding/status?id=" + Uri.EscapeDataString(RandomText(random, random.Next(0, 60))),
        1 => "/api/coding/status?id=" + Guid.NewGuid(),
        2 => $"/api/coding/drafts?attempt_id={Uri.EscapeDataString(RandomText(random, 10))}&problem_id=add-two&language=python",
        3 => $"/api/coding/drafts?attempt_id={attempt}&problem_id=add-two&language={Uri.EscapeDataString(RandomText(random, 5))}",
        4 => "/api/problems/" + Uri.EscapeDataString(RandomText(random, random.Next(1, 100))),
        _ => "/api/attempts/" + Uri.EscapeDataString(RandomText(random, random.Next(1, 50))),
    };

    private static string BadBody(Random random, Guid attempt)
    {
        var a = $"\"{attempt}\"";
        return random.Next(17) switch
        {
            15 => NulBody(random, a),
            0 => RandomText(random, random.Next(0, 200)),
            1 => "{" + RandomText(random, random.Next(0, 50)),
            2 => "{\"attempt_id\": " + RandomJsonScalar(random) + ", \"problem_id\": \"add-two\", \"language\": \"python\", \"code\": \"x\"}",
            3 => "{\"attempt_id\": " + a + ", \"problem_id\": " + RandomJsonScalar(random) + ", \"language\": \"python\", \"code\": \"x\"}",
            4 => "{\"attempt_id\": " + a + ", \"problem_id\": \"add-two\", \"language\": " + RandomJsonScalar(random) + ", \"code\": \"x\"}",
            5 => "{\"attempt_id\": " + a + ", \"problem_id\": \"add-two\", \"language\": \"python\", \"code\": " + RandomNonString(random) + "}",
            6 => "{\"attempt_id\": " + a + ", \"problem_id\": \"add-two\", \"language\": \"python\", \"code\": \"" + new string('y', 50 * 1024 + random.Next(1, 100_000)) + "\"}",
            7 => "{\"attempt_id\": " + a + ", \"problem_id\": \"add-two\", \"language\": \"python\", \"code\": \"x\", \"custom_inputs\": " + BadCustomInputs(random) + "}",
            8 => new string('[', random.Next(65, 300)) + new string(']', random.Next(0, 300)),
            9 => "[" + RandomJsonScalar(random) + "]",
            10 => RandomJsonScalar(random),
            11 => "{\"attempt_id\": \"" + Guid.NewGuid() + "\", \"problem_id\": \"add-two\", \"language\": \"cobol\", \"code\": \"x\"}",
            12 => "{\"title\": 5, \"signature\": " + RandomJsonScalar(random) + ", \"tests\": {\"a\": 1}}",
            13 => "{\"interview_id\": " + RandomNonString(random) + "}",
            14 => "{\"user_id\": " + RandomNonString(random) + ", \"role\": [1]}",
            _ => "{\"attempt_id\": " + a + ", \"problem_id\": \"" + RandomText(random, random.Next(81, 400)) + "\", \"language\": \"python\", \"code\": \"x\"}",
        };
    }

    /// <summary>A body of some endpoint with a NUL escape (or a lone surrogate) in one of its strings (or keys).</summary>
    private static string NulBody(Random random, string attempt)
    {
        // Mostly NUL; sometimes a lone surrogate, which is not valid JSON text either.
        var nul = random.Next(4) switch { 0 => "\\u0000", 1 => "x\\u0000", 2 => random.Next(2) == 0 ? "\\uD800" : "x\\uDFFF", _ => "\\u0000" + RandomText(random, 5).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) };
        return random.Next(8) switch
        {
            0 => "{\"attempt_id\": " + attempt + ", \"problem_id\": \"add-two\", \"language\": \"python\", \"code\": \"" + nul + "\"}",
            1 => "{\"attempt_id\": " + attempt + ", \"problem_id\": \"" + nul + "\", \"language\": \"python\", \"code\": \"x\"}",
            2 => "{\"attempt_id\": " + attempt + ", \"problem_id\": \"add-two\", \"language\": \"" + nul + "\", \"code\": \"x\"}",
            3 => "{\"attempt_id\": " + attempt + ", \"problem_id\": \"add-two\", \"language\": \"python\", \"code\": \"x\", \"custom_inputs\": [{\"a\": \"" + nul + "\", \"b\": 2}]}",
            4 => "{\"interview_id\": \"" + nul + "\"}",
            5 => "{\"user_id\": \"" + nul + "\", \"role\": \"candidate\"}",
            6 => "{\"title\": \"" + nul + "\", \"difficulty\": \"easy\"}",
            _ => "{\"" + nul + "\": 1}",
        };
    }

    private static string BadCustomInputs(Random random) => random.Next(5) switch
    {
        0 => "[" + string.Join(",", Enumerable.Repeat("{\"a\":1,\"b\":2}", random.Next(11, 40))) + "]",
        1 => "[{\"a\": \"one\", \"b\": 2}]",
        2 => "[{\"a\": 1, \"b\": 2, \"c\": 3}]",
        3 => "[" + RandomJsonScalar(random) + "]",
        _ => "[{\"a\": 1e400, \"b\": 99999999999999999999999}]",
    };

    private static string RandomJsonScalar(Random random) => random.Next(8) switch
    {
        0 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "true",
        2 => "null",
        3 => "[1,2,3]",
        4 => "{\"x\":{\"y\":[]}}",
        5 => "-1.5e308",
        6 => "\"" + RandomText(random, 20).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "\"",
        _ => "\"\"",
    };

    private static string RandomNonString(Random random) => random.Next(4) switch
    {
        0 => "12345",
        1 => "false",
        2 => "[\"a\"]",
        _ => "{\"code\": \"x\"}",
    };

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(1, 0x2FF);
        }
        return new string(chars);
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "...";
}

public sealed class SqliteMalformedRequestSweepTests(ApiFactory factory) : MalformedRequestSweepTests<ApiFactory>(factory), IClassFixture<ApiFactory>;

public sealed class PostgresMalformedRequestSweepTests(PostgresApiFactory factory)
    : MalformedRequestSweepTests<PostgresApiFactory>(factory), IClassFixture<PostgresApiFactory>;
