using System.CommandLine;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Cli;

/// <summary>`coderoom problems verify`: every reference solution accepted in every language, every wrong solution
/// rejected with wrong_answer, every slow one with time_limit_exceeded, references under half the time limit.</summary>
internal static class ProblemsCommand
{
    public static Command Create()
    {
        var command = new Command("problems", "Work with the problem bank in problems/");
        command.Subcommands.Add(CreateVerify());
        command.Subcommands.Add(DatabaseCommands.CreateImport());
        return command;
    }

    private static Command CreateVerify()
    {
        var root = new Option<string>("--problems") { Description = "the problem bank folder", DefaultValueFactory = _ => "problems" };
        var only = new Option<string[]>("--only") { Description = "verify only these slugs", AllowMultipleArgumentsPerToken = true };
        var languages = new Option<string[]>("--language") { Description = "verify only these languages", AllowMultipleArgumentsPerToken = true };
        var verify = new Command("verify", "Judge every solution of every problem and check the expected verdicts") { root, only, languages };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var engine = host.Services.GetRequiredService<JudgeEngine>();
            var slugs = parse.GetValue(only) ?? [];
            var languageFilter = (parse.GetValue(languages) ?? []).Select(l => LanguageIds.TryParse(l, out var id) ? id : (LanguageId?)null).OfType<LanguageId>().ToHashSet();
            var passed = 0;
            var failed = 0;
            void Report(bool ok, string line)
            {
                if (ok)
                {
                    passed++;
                }
                else
                {
                    failed++;
                }
                Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {line}");
            }

            foreach (var folder in ProblemFolder.FindAll(parse.GetValue(root)!))
            {
                var slug = Path.GetFileName(folder);
                if (slugs.Length > 0 && !slugs.Contains(slug))
                {
                    continue;
                }
                var (problem, errors) = ProblemSource.Load(folder);
                if (problem is null)
                {
                    Report(false, $"{slug}: invalid problem: {string.Join("; ", errors)}");
                    continue;
                }
                var publicCount = problem.PublicTests.Count();
                var hiddenCount = problem.Tests.Count - publicCount;
                Report(publicCount is >= 2 and <= 3 && hiddenCount >= 15, $"{slug}: {publicCount} public and {hiddenCount} hidden tests (want 2-3 and >= 15)");

                var expectations = new List<(string Kind, Verdict Expected, IReadOnlyDictionary<LanguageId, string> Solutions)>
                {
                    ("reference", Verdict.Accepted, problem.ReferenceSolutions),
                    ("wrong", Verdict.WrongAnswer, ProblemFolder.Solutions(folder, "wrong")),
                    ("slow", Verdict.TimeLimitExceeded, ProblemFolder.Solutions(folder, "slow")),
                };
                foreach (var language in LanguageIds.All)
                {
                    if (languageFilter.Count > 0 && !languageFilter.Contains(language))
                    {
                        continue;
                    }
                    if (!problem.ReferenceSolutions.ContainsKey(language))
                    {
                        Report(false, $"{slug} {language.WireName()}: no reference solution");
                    }
                }
                Report(ProblemFolder.Solutions(folder, "wrong").Count > 0, $"{slug}: has at least one wrong solution");
                foreach (var (kind, expected, solutions) in expectations)
                {
                    foreach (var (language, code) in solutions.OrderBy(s => s.Key))
                    {
                        if (languageFilter.Count > 0 && !languageFilter.Contains(language))
                        {
                            continue;
                        }
                        var result = await engine.JudgeAsync(new JudgeRequest(problem, language, code, JudgeMode.Submit), cancellationToken);
                        var slowest = result.Tests.Where(t => t.CpuMs is not null).Select(t => t.CpuMs!.Value).DefaultIfEmpty(0).Max();
                        var detail = $"{result.Passed}/{result.Total}, slowest test {slowest:0} ms cpu of {problem.Limits.TimeLimitMs} ms, wall {result.WallMs:0} ms";
                        var ok = result.Verdict == expected;
                        var why = ok ? "" : " " + FirstProblem(result);
                        Report(ok, $"{slug} {language.WireName()} {kind}: {ResultPrinter.Name(result.Verdict)} (want {ResultPrinter.Name(expected)}), {detail}{why}");
                        if (kind == "reference" && ok)
                        {
                            Report(slowest * 2 <= problem.Limits.TimeLimitMs,
                                $"{slug} {language.WireName()} reference under half the time limit: {slowest:0} ms of {problem.Limits.TimeLimitMs} ms");
                        }
                    }
                }
            }
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return verify;
    }

    private static string FirstProblem(JudgeResult result)
    {
        if (result.Compile is { Ok: false } compile)
        {
            return "[" + compile.Output.Split('\n')[0] + "]";
        }
        var test = result.FirstFailingTest is { } i && i < result.Tests.Count ? result.Tests[i] : null;
        return test is null ? "" : $"[test {test.Index}: {test.Error ?? "expected " + Clip(test.Expected?.ToJsonString()) + ", got " + Clip(test.Actual?.ToJsonString())}]";
    }

    private static string Clip(string? s) => s is null ? "null" : s.Length <= 80 ? s : s[..80] + "...";
}
