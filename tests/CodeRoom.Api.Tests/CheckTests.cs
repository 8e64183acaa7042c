using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodeRoom.Api.Tests;

/// <summary>The real judge with a small check limit and a run limit of 2, so that "checks never spend runs" can fail.</summary>
public sealed class CheckApiFactory : RealJudgeApiFactory
{
    public const int CheckLimit = 6;

    protected override void Configure()
    {
        base.Configure();
        Settings["CheckLimits:PermitsPerWindow"] = CheckLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["RateLimit:PermitsPerWindow"] = "2";
        // The warm javac and the C++ precompiled header start with the service, as in production.
        Settings["Judge:WarmUpAtStart"] = "true";
    }
}

/// <summary>POST /api/coding/check (issue 15): the compiler's syntax-and-type pass in the sandbox, in the candidate's lines.</summary>
public sealed partial class CheckTests(CheckApiFactory factory) : IClassFixture<CheckApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string JavaBad = "class Solution {\n    public long addTwo(long a, long b) {\n        long s = a + missing;\n        String t = a;\n        return s;\n    }\n}\n";
    private const string CppBad = "class Solution {\npublic:\n    long long addTwo(long long a, long long b) {\n        long long s = a + missing;\n        std::string t = a;\n        return s;\n    }\n};\n";

    private const string GoBad = "func addTwo(a int64, b int64) int64 {\n    // the sum\n    s := a + missing\n    var t string = a\n    _ = t\n    return s\n}\n";
    private const string GoGood = "func addTwo(a int64, b int64) int64 {\n    return a + b\n}\n";

    private const string RustBad = "impl Solution {\n    pub fn add_two(a: i64, b: i64) -> i64 {\n        let s = a + missing;\n        let t: String = a;\n        s\n    }\n}\n";
    private const string RustGood = "impl Solution {\n    pub fn add_two(a: i64, b: i64) -> i64 {\n        a + b\n    }\n}\n";

    private const string CSharpBad = "public class Solution {\n    public long AddTwo(long a, long b) {\n        long s = a + missing;\n        string t = a;\n        return s;\n    }\n}\n";
    private const string CSharpGood = "public class Solution {\n    public long AddTwo(long a, long b) {\n        return a + b;\n    }\n}\n";

    private static Task<HttpResponseMessage> CheckAsync(HttpClient client, Guid attempt, string language, string code) =>
        client.PostAsJsonAsync("/api/coding/check", new { attempt_id = attempt, problem_id = "add-two", language, code }, Ct);

    private static async Task<(HttpClient Client, Guid Attempt)> NewUserAsync(CheckApiFactory factory)
    {
        var client = factory.ClientFor("check-" + Guid.NewGuid());
        return (client, await client.NewAttemptAsync());
    }

    private static List<(int Line, int Column, string Severity, string Message)> Errors(JsonObject body) =>
        [.. body["diagnostics"]!.AsArray().Select(d => (d!["line"]!.GetValue<int>(), d["column"]!.GetValue<int>(),
            d["severity"]!.GetValue<string>(), d["message"]!.GetValue<string>()))];

    [Theory(Timeout = 120_000)]
    [InlineData("java", JavaBad, @"Solution\.java:(\d+):")]
    [InlineData("cpp", CppBad, @"solution\.cpp:(\d+):\d+: error")]
    [InlineData("go", GoBad, @"solution\.go:(\d+):\d+: ")]
    [InlineData("rust", RustBad, @"--> solution\.rs:(\d+):\d+")]
    [InlineData("csharp", CSharpBad, @"Line (\d+): Char \d+: error")]
    public async Task An_undefined_name_and_a_type_error_are_reported_on_the_candidates_lines_as_Run_reports_them(string language, string code, string runLine)
    {
        var (client, attempt) = await NewUserAsync(factory);
        var check = await (await CheckAsync(client, attempt, language, code)).Json200();
        var errors = Errors(check).Where(e => e.Severity == "error").ToList();
        var undefined = language == "cpp" ? 4 : 3;
        Assert.Contains(errors, e => e.Line == undefined && e.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == undefined + 1);
        // The column is the undefined name's, and the marker spans it.
        var first = check["diagnostics"]!.AsArray().First(d => d!["line"]!.GetValue<int>() == undefined)!;
        var column = code.Split('\n')[undefined - 1].IndexOf("missing", StringComparison.Ordinal) + 1;
        Assert.Equal(column, first["column"]!.GetValue<int>());
        Assert.Equal(column + "missing".Length, first["end_column"]!.GetValue<int>());
        Assert.True(check["complete"]!.GetValue<bool>());

        // Run reports a compile error on exactly the same lines.
        var run = await (await client.PostAsJsonAsync("/api/coding/run",
            new { attempt_id = attempt, problem_id = "add-two", language, code }, Ct)).Json200();
        Assert.Equal("compilation_error", run["summary"]!["status"]!.GetValue<string>());
        var runLines = new Regex(runLine).Matches(run["compile_output"]!.GetValue<string>()).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        Assert.Equal(runLines, errors.Select(e => e.Line).ToHashSet());

        // Fixed code: no diagnostics at all.
        var good = language switch
        {
            "java" => "class Solution {\n    public long addTwo(long a, long b) {\n        return a + b;\n    }\n}\n",
            "go" => GoGood,
            "rust" => RustGood,
            "csharp" => CSharpGood,
            _ => "class Solution {\npublic:\n    long long addTwo(long long a, long long b) {\n        return a + b;\n    }\n};\n",
        };
        var clean = await (await CheckAsync(client, attempt, language, good)).Json200();
        Assert.Empty(clean["diagnostics"]!.AsArray());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("cpp", "#include <vector>\n\nclass Solution {\npublic:\n    long long addThree(long long a, long long b) { return a + b; }\n};\n", 3, "addTwo")]
    [InlineData("go", "// helper first\n\nfunc addThree(a int64, b int64) int64 {\n    return a + b\n}\n", 3, "addTwo")]
    [InlineData("rust", "use std::cmp;\n\nimpl Solution {\n    pub fn add_three(a: i64, b: i64) -> i64 { cmp::max(a, b) }\n}\n", 3, "add_two")]
    public async Task A_method_renamed_away_from_the_harness_is_an_error_on_the_line_declaring_the_solution(string language, string code,
        int line, string expected)
    {
        var (client, attempt) = await NewUserAsync(factory);
        var check = await (await CheckAsync(client, attempt, language, code)).Json200();
        var error = Assert.Single(Errors(check), e => e.Severity == "error");
        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Python's type pass (mypy): what ruff in the browser cannot see, on the candidate's lines, as warnings
    /// (Python runs the code anyway), with LeetCode's implicit names and ListNode/TreeNode known.</summary>
    [Fact(Timeout = 120_000)]
    public async Task Python_type_errors_are_warnings_on_the_candidates_lines_and_LeetCode_code_checks_clean()
    {
        var (client, attempt) = await NewUserAsync(factory);
        const string bad = "class Solution:\n    def add_two(self, a: int, b: int) -> int:\n        total: int = \"x\"\n        return a.upper() + b\n";
        var check = await (await CheckAsync(client, attempt, "python", bad)).Json200();
        var found = Errors(check);
        Assert.Contains(found, e => e.Line == 3 && e.Severity == "warning" && e.Message.Contains("Incompatible types", StringComparison.Ordinal));
        Assert.Contains(found, e => e.Line == 4 && e.Message.Contains("upper", StringComparison.Ordinal));
        Assert.All(found, e => Assert.InRange(e.Line, 1, 4));

        const string good = "class Solution:\n    def add_two(self, a: int, b: int) -> int:\n        seen: Dict[int, int] = defaultdict(int)\n" +
            "        heap: List[int] = []\n        heapq.heappush(heap, a)\n        node = ListNode(b)\n        root = TreeNode(1, None, TreeNode(2))\n" +
            "        return pow(a, b, 1000) + len(seen) + heap[0] + node.val + root.right.val + bisect_left(heap, a) + comb(4, 2)\n";
        var clean = await (await CheckAsync(client, attempt, "python", good)).Json200();
        Assert.True(clean["diagnostics"]!.AsArray().Count == 0, clean.ToJsonString());
    }

    [Fact(Timeout = 120_000)]
    public async Task Checks_and_formats_have_their_own_rate_limit_and_never_spend_runs()
    {
        var (client, attempt) = await NewUserAsync(factory);
        const string code = "class Solution {\n    public long addTwo(long a, long b) { return a + b; }\n}\n";
        for (var i = 0; i < CheckApiFactory.CheckLimit; i++)
        {
            var ok = await CheckAsync(client, attempt, "java", code + "// " + i);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var refused = await CheckAsync(client, attempt, "java", code);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("Too many checks", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]!.GetValue<string>());
        // Rust's server-side Format (POST /api/coding/format) draws on the same limit.
        var format = await client.PostAsJsonAsync("/api/coding/format", new { attempt_id = attempt, language = "rust", code = RustGood }, Ct);
        Assert.Equal((HttpStatusCode)429, format.StatusCode);

        // The run limit (2 here) is untouched by the checks above.
        for (var i = 0; i < 2; i++)
        {
            var run = await client.PostAsJsonAsync("/api/coding/run", new { attempt_id = attempt, problem_id = "add-two", language = "java", code }, Ct);
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Bad_input_is_a_400_and_another_users_attempt_is_a_404()
    {
        var (client, attempt) = await NewUserAsync(factory);
        var (other, _) = await NewUserAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckAsync(other, attempt, "java", "class Solution {}")).StatusCode);

        var tooBig = await CheckAsync(client, attempt, "cpp", "// " + new string('x', 60 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("code", (await tooBig.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().Select(e => e.Key));

        Assert.Equal(HttpStatusCode.BadRequest, (await CheckAsync(client, attempt, "cobol", "x")).StatusCode);
        var script = await CheckAsync(client, attempt, "javascript", "x = 1");
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("browser", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var unknown = await client.PostAsJsonAsync("/api/coding/check", new { attempt_id = attempt, problem_id = "no-such", language = "java", code = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var noAttempt = await client.PostAsJsonAsync("/api/coding/check", new { problem_id = "add-two", language = "java", code = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noAttempt.StatusCode);
    }

    [Fact(Timeout = 90_000)]
    public async Task The_check_runs_in_the_sandbox_under_its_own_CPU_budget()
    {
        var (client, attempt) = await NewUserAsync(factory);
        // The host's files are not there to include: the sandbox shows only the toolchain.
        var secret = await (await CheckAsync(client, attempt, "cpp",
            "#include \"/etc/shadow\"\nclass Solution {\npublic:\n    long long addTwo(long long a, long long b) { return a + b; }\n};\n")).Json200();
        var error = Errors(secret).First(e => e.Severity == "error");
        Assert.Equal(1, error.Line);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);

        // Compile-time work beyond the check's CPU budget (each constant just under clang's step limit) stops the
        // compiler, and the service answers.
        var heavy = "constexpr long long f(int k) { long long s = 0; for (int i = 0; i < 2500000; i++) s += i ^ k; return s; }\n"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"constexpr long long c{i} = f({i});\n"));
        var endless = await (await CheckAsync(client, attempt, "cpp", heavy)).Json200();
        Assert.False(endless["complete"]!.GetValue<bool>(), endless.ToJsonString());
        Assert.Contains("stopped", endless["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
