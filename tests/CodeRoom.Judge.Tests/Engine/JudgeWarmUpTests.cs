using CodeRoom.Judge.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Engine;

[Collection(nameof(JudgeCollection))]
public sealed class JudgeWarmUpTests(JudgeFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task The_start_up_warm_up_judges_its_problem_accepted_in_every_language()
    {
        var results = await fixture.Services.GetRequiredService<JudgeWarmUp>().WarmUpAsync(TestContext.Current.CancellationToken);
        Assert.Equal([LanguageId.Python, LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.TypeScript, LanguageId.Go, LanguageId.Rust, LanguageId.CSharp], results.Keys.Order());
        // Named and explained, so that a failure on another machine says which language and why.
        Assert.Empty(results.Where(r => r.Value.Verdict != Verdict.Accepted).Select(r => $"{r.Key}: {r.Value.Verdict}: {JudgeWarmUp.Describe(r.Value)}"));
    }
}
