using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CodeRoom.Bench;

/// <summary>
/// Live diagnostics (issue 15): the latency of POST /api/coding/check for each compiled language, warm (after a
/// warm-up that starts the compile server and builds the precompiled harness), alternating correct code and code with
/// an undefined name, each with a fresh comment so that nothing could be reused.
/// </summary>
internal static class CheckBench
{
    /// <summary>The languages the server checks, with the issue's target for each (ms, median and p95).</summary>
    public static readonly IReadOnlyDictionary<string, double> Targets = new Dictionary<string, double> { ["java"] = 150, ["cpp"] = 300, ["go"] = 300, ["rust"] = 300, ["csharp"] = 150 };

    public static async Task<LatencySeries> MeasureAsync(HttpClient http, string language, int runs, int warmup, CancellationToken cancellationToken)
    {
        var token = await CodeRoomClient.TokenAsync(http, "bench-check-" + language, "candidate", cancellationToken);
        using var attemptRequest = new HttpRequestMessage(HttpMethod.Post, "api/attempts")
        {
            Content = JsonContent.Create(new JsonObject { ["interview_id"] = "bench" }),
        };
        attemptRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var attemptResponse = await http.SendAsync(attemptRequest, cancellationToken);
        var attempt = (await attemptResponse.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["attempt_id"]!.GetValue<string>();

        var series = new LatencySeries(language, "check", [], [], []);
        for (var i = 0; i < warmup + runs; i++)
        {
            var code = Workloads.TwoSum(language, Workloads.Tag("check", i));
            if (i % 2 == 1)
            {
                // Every other sample has a compile error: the check's answer then carries a diagnostic.
                code = BreakOnce(language, code);
            }
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/coding/check")
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["attempt_id"] = attempt,
                    ["problem_id"] = Workloads.TwoSumSlug,
                    ["language"] = language,
                    ["code"] = code,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var ms = watch.Elapsed.TotalMilliseconds;
            if (i < warmup)
            {
                continue;
            }
            var expectError = i % 2 == 1;
            if (!response.IsSuccessStatusCode)
            {
                series.Errors[$"http_{(int)response.StatusCode}"] = series.Errors.GetValueOrDefault($"http_{(int)response.StatusCode}") + 1;
            }
            else if (body.Contains("\"severity\":\"error\"", StringComparison.Ordinal) != expectError)
            {
                series.Errors["wrong_diagnostics"] = series.Errors.GetValueOrDefault("wrong_diagnostics") + 1;
            }
            else
            {
                series.Ms.Add(ms);
            }
        }
        return series;
    }

    /// <summary>The code with an undefined name (a type error, not a syntax error) on the line after its tag comment.</summary>
    private static string BreakOnce(string language, string code)
    {
        var broken = language switch
        {
            "go" => "broken := undefinedNameHere; _ = broken\n",
            "rust" => "let _broken = undefined_name_here;\n",
            _ => "int broken = undefinedNameHere;\n",
        };
        var tag = code.IndexOf("// bench", StringComparison.Ordinal);
        var end = tag < 0 ? -1 : code.IndexOf('\n', tag);
        return end < 0 ? code + "\n" + broken : code[..(end + 1)] + broken + code[(end + 1)..];
    }

    public static void Append(StringBuilder s, IReadOnlyList<LatencySeries> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }
        s.AppendLine("## Live diagnostics: POST /api/coding/check (issue 15, ms, warm)");
        s.AppendLine();
        s.AppendLine("| language | samples | median | p95 | min | max | target (median and p95) | result | errors |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var series in checks)
        {
            var sum = Summary.Of(series.Ms);
            var target = Targets.GetValueOrDefault(series.Language, double.NaN);
            var met = sum.Count > 0 && sum.Median <= target && sum.P95 <= target;
            var errors = series.Errors.Count == 0 ? "0" : string.Join(", ", series.Errors.Select(e => $"{e.Key}: {e.Value}"));
            s.AppendLine($"| {series.Language} | {sum.Count} | {Fmt.Ms(sum.Median)} | {Fmt.Ms(sum.P95)} | {Fmt.Ms(sum.Min)} | {Fmt.Ms(sum.Max)} | {Fmt.Ms(target)} | {(met ? "met" : "**missed**")} | {errors} |");
        }
        s.AppendLine();
        s.AppendLine("Round trip through HTTP: the compiler's syntax-and-type pass in the sandbox against the judge's harness (Java on the warm " +
            "compile server, C++ `clang++ -fsyntax-only` with the precompiled harness, Go `go tool compile` without the link, Rust `rustc --emit=metadata`, C# the judge's compile on the warm Roslyn server); every other sample has an undefined name.");
        s.AppendLine();
    }
}
