using System.CommandLine;
using System.Text.Json;
using CodeRoom.Judge;
using CodeRoom.Judge.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Cli;

/// <summary>`coderoom judge`: judges one file locally, in the same sandbox the service uses.</summary>
internal static class JudgeCommand
{
    public static Command Create()
    {
        var problem = new Option<string>("--problem") { Description = "problem JSON file (the contract) or a problems/<slug> folder", Required = true };
        var language = new Option<string>("--language") { Description = "python, java, cpp, javascript, typescript or go", Required = true };
        language.AcceptOnlyFromAmong([.. LanguageIds.All.Select(l => l.WireName())]);
        var code = new Option<string>("--code") { Description = "the solution file", Required = true };
        var mode = new Option<string>("--mode") { Description = "run (public tests) or submit (all tests)", DefaultValueFactory = _ => "run" };
        mode.AcceptOnlyFromAmong("run", "submit");
        var json = new Option<bool>("--json") { Description = "print the result as JSON" };
        var command = new Command("judge", "Judge a solution file against a problem") { problem, language, code, mode, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (loaded, errors) = ProblemSource.Load(parse.GetValue(problem)!);
            if (loaded is null)
            {
                await Console.Error.WriteLineAsync("The problem is not valid:\n  " + string.Join("\n  ", errors));
                return 2;
            }
            var codePath = parse.GetValue(code)!;
            if (!File.Exists(codePath))
            {
                await Console.Error.WriteLineAsync($"{codePath}: no such file");
                return 2;
            }
            LanguageIds.TryParse(parse.GetValue(language), out var languageId);
            var judgeMode = parse.GetValue(mode) == "submit" ? JudgeMode.Submit : JudgeMode.Run;
            using var host = CliHost.Build();
            var engine = host.Services.GetRequiredService<JudgeEngine>();
            var result = await engine.JudgeAsync(new JudgeRequest(loaded, languageId, await File.ReadAllTextAsync(codePath, cancellationToken), judgeMode), cancellationToken);
            if (parse.GetValue(json))
            {
                // The API's run/submit answer (without its ids), built by the same code: a candidate's view.
                var answer = new
                {
                    mode = judgeMode == JudgeMode.Run ? "run" : "submit",
                    status = result.Verdict == Verdict.InternalError ? "failed" : "finished",
                    problem_id = loaded.Slug,
                    language = languageId.WireName(),
                    summary = CandidateView.Summary(result, judgeMode),
                    results = CandidateView.Results(result, judgeMode, customInputs: false),
                    compile_output = result.Compile is { Ok: false } failedCompile ? failedCompile.Output : null,
                    error = result.InternalMessage,
                };
                Console.WriteLine(JsonSerializer.Serialize(answer, ContractJson.Indented));
            }
            else
            {
                ResultPrinter.Print(loaded, languageId, judgeMode, result);
            }
            return result.Verdict == Verdict.InternalError ? 1 : 0;
        });
        return command;
    }
}
