using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CodeRoom.Api.Tests;

/// <summary>POST /api/coding/format (issue 15): Rust's rustfmt on the server, in the sandbox; the other languages format in
/// the browser.</summary>
public sealed class FormatTests(RealJudgeApiFactory factory) : IClassFixture<RealJudgeApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Ugly = "impl Solution{\npub fn add_two(a:i64,b:i64)->i64{\nlet s=a+b;s}\n}\n";
    private const string Formatted = "impl Solution {\n    pub fn add_two(a: i64, b: i64) -> i64 {\n        let s = a + b;\n        s\n    }\n}\n";

    private static Task<HttpResponseMessage> FormatAsync(HttpClient client, Guid attempt, string language, string code) =>
        client.PostAsJsonAsync("/api/coding/format", new { attempt_id = attempt, problem_id = "add-two", language, code }, Ct);

    private async Task<(HttpClient Client, Guid Attempt)> NewUserAsync()
    {
        var client = factory.ClientFor("format-" + Guid.NewGuid());
        return (client, await client.NewAttemptAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Ugly_Rust_comes_back_as_rustfmt_formats_it_and_formatted_code_stays_as_it_is()
    {
        var (client, attempt) = await NewUserAsync();
        var body = await (await FormatAsync(client, attempt, "rust", Ugly)).Json200();
        Assert.Equal(Formatted, body["formatted"]!.GetValue<string>());
        Assert.Null(body["message"]);

        // Formatting is idempotent, and Windows newlines from a pasted file come back as the editor's.
        var again = await (await FormatAsync(client, attempt, "rust", Formatted.Replace("\n", "\r\n", StringComparison.Ordinal))).Json200();
        Assert.Equal(Formatted, again["formatted"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task Code_that_does_not_parse_is_left_as_it_is_with_rustfmts_first_error_on_the_candidates_line()
    {
        var (client, attempt) = await NewUserAsync();
        const string broken = "impl Solution {\n    pub fn add_two(a: i64, b: i64 -> i64 {\n        a + b\n    }\n}\n";
        var body = await (await FormatAsync(client, attempt, "rust", broken)).Json200();
        // formatted is there, and null: the editor keeps the code exactly as it is.
        Assert.True(body.ContainsKey("formatted"));
        Assert.Null(body["formatted"]);
        var message = body["message"]!.GetValue<string>();
        Assert.StartsWith("the code does not parse (line 2: mismatched closing delimiter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Other_languages_bad_input_and_another_users_attempt_are_refused()
    {
        var (client, attempt) = await NewUserAsync();
        var (other, _) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await FormatAsync(other, attempt, "rust", Ugly)).StatusCode);

        // Formatted in the browser: the server says so rather than pretending.
        var python = await FormatAsync(client, attempt, "python", "x=1");
        Assert.Equal(HttpStatusCode.BadRequest, python.StatusCode);
        Assert.Contains("browser", await python.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await FormatAsync(client, attempt, "cpp", "int x;")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await FormatAsync(client, attempt, "cobol", "x")).StatusCode);

        // The same size cap as Run and the check (Limits:MaxCodeBytes, 50 KB).
        var tooBig = await FormatAsync(client, attempt, "rust", "// " + new string('x', 60 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("code", (await tooBig.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().Select(e => e.Key));

        var noAttempt = await client.PostAsJsonAsync("/api/coding/format", new { language = "rust", code = Ugly }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noAttempt.StatusCode);
        // problem_id is optional: the formatter needs no harness.
        var noProblem = await client.PostAsJsonAsync("/api/coding/format", new { attempt_id = attempt, language = "rust", code = Ugly }, Ct);
        Assert.Equal(Formatted, (await noProblem.Json200())["formatted"]!.GetValue<string>());
    }

    [Fact(Timeout = 90_000)]
    public async Task Hostile_input_gets_an_answer_and_the_code_back_unchanged_and_the_service_keeps_formatting()
    {
        var (client, attempt) = await NewUserAsync();
        // Nesting deep enough to overflow rustfmt's recursive parser on the formatter's 8 MB stack, within the size cap.
        var deep = "fn f() -> i64 {\n    " + new string('(', 20_000) + "1" + new string(')', 20_000) + "\n}\n";
        var body = await (await FormatAsync(client, attempt, "rust", deep)).Json200();
        Assert.Null(body["formatted"]);
        Assert.Contains("crashed", body["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var after = await (await FormatAsync(client, attempt, "rust", Ugly)).Json200();
        Assert.Equal(Formatted, after["formatted"]!.GetValue<string>());
    }
}
