using CodeRoom.Judge.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Engine;

[Collection(nameof(JudgeCollection))]
public sealed class JudgeWarmUpTests(JudgeFixture fixture)
{
    [Fact(Timeout = 120_000)]
    public async Task The_start_up_warm_up_judges_its_problem_accepted_in_every_language()
    {
        var verdicts = await fixture.Services.GetRequiredService<JudgeWarmUp>().WarmUpAsync(TestContext.Current.CancellationToken);
        Assert.Equal([LanguageId.Python, LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.TypeScript, LanguageId.Go], verdicts.Keys.Order());
        Assert.All(verdicts.Values, v => Assert.Equal(Verdict.Accepted, v));
    }
}
