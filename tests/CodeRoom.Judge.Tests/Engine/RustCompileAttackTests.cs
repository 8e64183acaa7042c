using CodeRoom.Judge.Checking;
using CodeRoom.Judge.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>Compile-time attacks in Rust, through the judge's own compile step: macros that read host files or
/// devices, a proc macro, runaway macro recursion. Each is a compile error (or a stopped compile) within the compile
/// step's limits, and no host content reaches the compiler output.</summary>
[Collection(nameof(JudgeCollection))]
public sealed class RustCompileAttackTests(JudgeFixture fixture)
{
    private static string TwoSumReturning(string expression, string before = "") =>
        before + "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        " + expression + "\n    }\n}\n";

    public static TheoryData<string, string> Attacks => new()
    {
        // The host's /etc/shadow is not in the compile's sandbox.
        { "include_str", TwoSumReturning("vec![include_str!(\"/etc/shadow\").len() as i32, 0]") },
        // A device that never ends: the compile is stopped at its memory or CPU limit.
        { "include_bytes_dev_zero", TwoSumReturning("vec![include_bytes!(\"/dev/zero\").len() as i32, 0]") },
        // A proc macro needs a proc-macro crate; the judge compiles a binary.
        { "proc_macro", TwoSumReturning("vec![0, 1]", "extern crate proc_macro;\n#[proc_macro]\npub fn evil(input: proc_macro::TokenStream) -> proc_macro::TokenStream { input }\n") },
        // Nightly features: the judge's rustc takes its own unstable flags (RUSTC_BOOTSTRAP), the candidate's code
        // none, however the attribute is spelled or "allowed".
        { "feature", TwoSumReturning("vec![unsafe { std::intrinsics::unchecked_add(1, 2) }, 0]", "#![feature(core_intrinsics)]\n") },
        { "feature_cfg_attr", TwoSumReturning("vec![unsafe { std::intrinsics::unchecked_add(1, 2) }, 0]",
            "#![cfg_attr(all(), feature(core_intrinsics))]\n") },
        { "feature_allowed", TwoSumReturning("vec![unsafe { std::intrinsics::unchecked_add(1, 2) }, 0]",
            "#![allow(unstable_features)]\n#![feature(core_intrinsics)]\n") },
        // An unstable API without the feature: stable's error, without the help that only a bootstrapped rustc adds.
        { "unstable_api", TwoSumReturning("vec![unsafe { std::intrinsics::unchecked_add(1, 2) }, 0]") },
        // Exponential macro expansion with the recursion limit raised: stopped by the compile limits.
        { "macro_recursion", TwoSumReturning("vec![boom!(x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x) as i32, 0]",
            "#![recursion_limit = \"100000\"]\nmacro_rules! boom {\n    () => { 1usize };\n    ($h:tt $($t:tt)*) => { boom!($($t)*) + boom!($($t)*) };\n}\n") },
    };

    [Fact(Timeout = 180_000)]
    public async Task A_huge_file_embedded_with_include_bytes_ends_in_a_verdict_within_the_limits()
    {
        // 130 MB of the (public) JDK image, kept in the binary by black_box: the compile may succeed; what matters is a
        // verdict, not a failed job, within the compile and run limits.
        var code = TwoSumReturning("let b = std::hint::black_box(include_bytes!(\"/usr/lib/jvm/java-17-openjdk-amd64/lib/modules\"));\n        vec![b[0] as i32, b.len() as i32]");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Rust, code, JudgeMode.Run);
        TestContext.Current.SendDiagnosticMessage($"include_bytes huge: {result.Verdict} in {started.ElapsedMilliseconds} ms: {result.Compile?.Output}");
        Assert.True(result.Verdict is Verdict.CompilationError or Verdict.WrongAnswer, result.Verdict.ToString());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"took {started.Elapsed}");
    }

    [Theory(Timeout = 180_000), MemberData(nameof(Attacks))]
    public async Task A_compile_time_attack_is_a_compile_error_within_the_compile_limits(string name, string code)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await fixture.JudgeAsync(Problems.TwoSum, LanguageId.Rust, code, JudgeMode.Run);
        TestContext.Current.SendDiagnosticMessage($"{name}: {result.Verdict} in {started.ElapsedMilliseconds} ms: {result.Compile?.Output?[..Math.Min(300, result.Compile.Output.Length)]}");
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.DoesNotContain("root:", result.Compile!.Output);
        Assert.DoesNotContain("/box/", result.Compile.Output);
        Assert.DoesNotContain("crate attributes to enable", result.Compile.Output);
        Assert.DoesNotContain("this compiler was built on", result.Compile.Output);
        if (name.StartsWith("feature", StringComparison.Ordinal))
        {
            Assert.Contains(name == "feature_allowed" ? "incompatible with previous forbid" : "may not be used on the stable release channel",
                result.Compile.Output);
            // Placed on the candidate's own line, in Run's output and in the editor's live check.
            Assert.Contains("--> solution.rs:1:", result.Compile.Output);
            var check = await fixture.Services.GetRequiredService<CodeChecker>().CheckAsync(Problems.TwoSum.Signature, LanguageId.Rust, code,
                TestContext.Current.CancellationToken);
            Assert.Contains(check!.Diagnostics, d => d.Line == 1 && d.Severity == "error");
        }
        // The compile step's CPU limit is 20 s for Rust (its wall limit twice that plus 5 s).
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"{name} took {started.Elapsed}");
    }
}
