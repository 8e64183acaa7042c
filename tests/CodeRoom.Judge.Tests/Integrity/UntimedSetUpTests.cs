using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11, class 3: work done before the first test (imports, module-level code, static initialisers, global
/// constructors) and in a Solution's constructor is charged. On a 250 ms problem, a second of it is a time limit.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class UntimedSetUpTests(JudgeFixture fixture)
{
    public static TheoryData<string> SetUps => ["python-module", "python-init", "java-static", "cpp-global", "javascript-module", "typescript-module", "go-package-init"];

    private static (LanguageId Language, string Code) SetUp(string name) => name switch
    {
        "python-module" => (LanguageId.Python, Attacks.PythonModuleSpin),
        "python-init" => (LanguageId.Python, Attacks.PythonInitSpin),
        "java-static" => (LanguageId.Java, Attacks.JavaStaticSpin),
        "cpp-global" => (LanguageId.Cpp, Attacks.CppGlobalConstructorSpin),
        "javascript-module" => (LanguageId.JavaScript, Attacks.JavaScriptModuleSpin),
        "typescript-module" => (LanguageId.TypeScript, Attacks.TypeScriptModuleSpin),
        "go-package-init" => (LanguageId.Go, Attacks.GoPackageInitSpin),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory(Timeout = 120_000), MemberData(nameof(SetUps))]
    public async Task Set_up_work_is_charged_and_a_second_of_it_is_a_time_limit(string setUp)
    {
        var (language, code) = SetUp(setUp);
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Tight, language, code, JudgeMode.Submit,
            TimeSpan.FromSeconds(60));
        Assert.True(result.Verdict == Verdict.TimeLimitExceeded, setUp + ": " + Integrity.Describe(result));
        Assert.Equal(0, result.FirstFailingTest);
    }
}
