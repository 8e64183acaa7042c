using System.Globalization;
using System.Text;
using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Languages.Cpp;
using CodeRoom.Judge.Languages.CSharp;
using CodeRoom.Judge.Languages.Go;
using CodeRoom.Judge.Languages.Java;
using CodeRoom.Judge.Languages.JavaScript;
using CodeRoom.Judge.Languages.Python;
using CodeRoom.Judge.Languages.Rust;
using CodeRoom.Judge.Languages.TypeScript;

namespace CodeRoom.Judge.Tests.Languages;

public sealed class BuildPlanTests
{
    public static TheoryData<string> Languages => new("python", "java", "cpp", "javascript", "typescript", "go", "rust", "csharp");

    private static ILanguageToolchain Toolchain(string language) => language switch
    {
        "python" => new PythonToolchain(),
        "java" => new JavaToolchain(),
        "javascript" => new JavaScriptToolchain(),
        "typescript" => new TypeScriptToolchain(),
        "go" => new GoToolchain(),
        "rust" => new RustToolchain(),
        "csharp" => new CSharpToolchain(),
        _ => new CppToolchain(),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_commands_mounts_and_environment_of_a_plan_are_pinned(string language)
    {
        var plan = Toolchain(language).Plan(Signatures.TwoSum, "class Solution: pass\n", 256);
        var text = new StringBuilder();
        text.Append("files: ").AppendJoin(", ", plan.Files.Keys.Order(StringComparer.Ordinal)).Append('\n');
        text.Append("compile: ").AppendJoin(' ', plan.CompileCommand ?? ["(none)"]).Append('\n');
        text.Append("compile server: ").AppendJoin(' ', plan.CompileServerCommand ?? ["(none)"]).Append('\n');
        text.Append("run: ").AppendJoin(' ', plan.RunCommand).Append('\n');
        foreach (var mount in plan.Mounts)
        {
            text.Append("mount: ").Append(mount.HostPath).Append(" -> ").Append(mount.SandboxPath)
                .Append(mount.Writable ? " (rw)" : " (ro)").Append('\n');
        }
        foreach (var (name, value) in plan.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("env: ").Append(name).Append('=').Append(value).Append('\n');
        }
        text.Append("max processes: ").Append(plan.MaxProcesses).Append('\n');
        text.Append("startup allowance: ").Append(plan.StartupAllowance.TotalMilliseconds).Append(" ms\n");
        if (plan.MemoryOverheadBytes > 0 || plan.ShadowMemory is not null)
        {
            text.Append("memory overhead: ").Append(plan.MemoryOverheadBytes / (1024 * 1024)).Append(" MB\n");
        }
        if (plan.ShadowMemory is { } shadow)
        {
            text.Append(CultureInfo.InvariantCulture, $"shadow: 0x{shadow.Range.Start:x}-0x{shadow.Range.End:x}, allowance ")
                .AppendJoin(", ", new long[] { 0, 1, 4, 16 }.Select(mb => $"{mb} MB -> {shadow.AllowanceBytes(mb << 20) >> 20} MB")).Append('\n');
        }
        // The newest installed SDK's folders, whatever its version.
        Golden.Match($"plan/{language}.txt", text.ToString()
            .Replace(CSharpToolchain.RoslynDirectory, "<sdk>/Roslyn/bincore", StringComparison.Ordinal)
            .Replace(CSharpToolchain.ReferenceDirectory, "<ref>/net10.0", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void The_Cpp_main_file_is_the_harness_the_candidates_code_under_its_own_line_numbers_and_a_typed_call_site(string name)
    {
        var signature = Signatures.Named(name);
        var candidate = new CppToolchain().StarterCode(signature);
        var main = new CppToolchain().Plan(signature, candidate).Files["main.cpp"];
        Golden.Match($"generated/{name}.main.cpp", main);
    }

    [Fact]
    public void The_Cpp_candidate_code_starts_at_line_1_of_solution_cpp_even_with_windows_newlines()
    {
        var main = new CppToolchain().Plan(Signatures.TwoSum, "// one\r\n// two\r\nclass Solution {};").Files["main.cpp"];
        // The harness comes from the precompiled header, so the candidate's code opens the file.
        Assert.StartsWith("#line 1 \"solution.cpp\"\n// one\n// two\nclass Solution {};\n#line 1 \"judge_call.cpp\"\n", main);
    }

    [Fact]
    public void Java_Solution_file_is_one_line_of_implicit_imports_then_the_candidates_code_unchanged()
    {
        var code = "/**\n * Definition for singly-linked list.\n */\nclass Solution {\n}\n";
        var files = new JavaToolchain().Plan(Signatures.MergeTwoLists, code).Files;
        Assert.Equal(JavaToolchain.ImplicitImports + "\n" + code, files["Solution.java"]);
        Assert.DoesNotContain('\n', JavaToolchain.ImplicitImports);
        // The harness classes are prebuilt once; only the candidate's file is compiled per run.
        Assert.Equal(["Solution.java"], files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Python_solution_file_is_the_candidates_code_and_the_harness_is_static()
    {
        var code = "class Solution:\r\n    pass\r\n";
        var first = new PythonToolchain().Plan(Signatures.TwoSum, code).Files;
        var second = new PythonToolchain().Plan(Signatures.LevelOrder, "x = 1\n").Files;
        Assert.Equal("class Solution:\n    pass\n", first["solution.py"]);
        Assert.Equal(first["harness.py"], second["harness.py"]);
    }

    [Theory]
    [InlineData(256, "-Xmx192m", "-Dcoderoom.stack=33554432")]
    [InlineData(1024, "-Xmx960m", "-Dcoderoom.stack=134217728")]
    [InlineData(64, "-Xmx16m", "-Dcoderoom.stack=8388608")]
    public void The_JVM_heap_and_solution_stack_follow_the_problems_memory_limit(int memoryMb, string heap, string stack)
    {
        var run = new JavaToolchain().Plan(Signatures.TwoSum, "", memoryMb).RunCommand;
        Assert.Contains(heap, run);
        Assert.Contains(stack, run);
    }

    [Fact]
    public void Java_compiler_output_names_the_candidates_lines_and_no_box_paths()
    {
        var raw = "/box/Solution.java:4: error: ';' expected\n        int x = 1\n                 ^\n"
            + "Solution.java:12: error: cannot find symbol\n1 error\n";
        var cleaned = new JavaToolchain().Plan(Signatures.TwoSum, "").CleanCompilerOutput(raw);
        Assert.Equal("Solution.java:3: error: ';' expected\n        int x = 1\n                 ^\n"
            + "Solution.java:11: error: cannot find symbol\n1 error\n", cleaned);
    }

    [Fact]
    public void Cpp_compiler_output_names_files_without_box_paths()
    {
        var raw = "In file included from /box/main.cpp:1:\nsolution.cpp:4:18: error: expected ';' at end of declaration\n";
        var cleaned = new CppToolchain().Plan(Signatures.TwoSum, "").CleanCompilerOutput(raw);
        Assert.Equal("In file included from main.cpp:1:\nsolution.cpp:4:18: error: expected ';' at end of declaration\n", cleaned);
    }

    [Fact]
    public void Cpp_linker_errors_name_the_missing_symbol_not_the_harness_wrapper()
    {
        var raw = "/tmp/main.o:main.cpp:function coderoom::execute<Solution, main::$_0::operator()(coderoom::Reader&, "
            + "coderoom::Test&) const::{lambda(Solution&, std::string&)#1}>::Typed::invoke(std::string&): error: "
            + "undefined reference to 'helper(int)'\n";
        var cleaned = new CppToolchain().Plan(Signatures.TwoSum, "").CleanCompilerOutput(raw);
        Assert.Equal("ld: error: undefined reference to 'helper(int)'\n", cleaned);
    }

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void The_Go_files_are_the_candidates_code_under_its_own_line_numbers_and_a_typed_call_site(string name)
    {
        var signature = Signatures.Named(name);
        var files = new GoToolchain().Plan(signature, new GoToolchain().StarterCode(signature)).Files;
        Golden.Match($"generated/{name}.solution.go", files["solution.go"]);
        Golden.Match($"generated/{name}.judge_call.go", files["judge_call.go"]);
    }

    [Fact]
    public void Every_toolchain_names_its_language() =>
        Assert.Equal([LanguageId.Python, LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.TypeScript, LanguageId.Go, LanguageId.Rust, LanguageId.CSharp],
            new ILanguageToolchain[] { new PythonToolchain(), new JavaToolchain(), new CppToolchain(), new JavaScriptToolchain(), new TypeScriptToolchain(), new GoToolchain(), new RustToolchain(), new CSharpToolchain() }
                .Select(t => t.Id));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void The_Rust_call_site_includes_the_candidates_file_and_calls_the_snake_case_associated_function(string name)
    {
        var signature = Signatures.Named(name);
        var plan = new RustToolchain().Plan(signature, new RustToolchain().StarterCode(signature));
        Golden.Match($"generated/{name}.judge_call.rs", plan.Files[RustToolchain.CallSiteFile]);
    }

    [Fact]
    public void Rust_keeps_the_candidates_lines_when_leading_inner_attributes_move_to_the_crate_root()
    {
        var plan = new RustToolchain().Plan(Signatures.TwoSum, "// one\r\n#![allow(dead_code)]\r\n\r\n  #![allow(unused)]\r\nimpl Solution {}\r\n");
        Assert.Equal("// one\n\n\n\nimpl Solution {}\n", plan.Files[RustToolchain.CandidateFile]);
        // Each attribute on its own line and column in judge_call.rs, so that an error about it is placed in solution.rs.
        Assert.StartsWith("\n#![allow(dead_code)]\n\n  #![allow(unused)]\n// CodeRoom's call site", plan.Files[RustToolchain.CallSiteFile]);
        Assert.Equal("error: x\n --> solution.rs:4:14\nerror: y\n --> judge_call.rs:9:1\n",
            plan.CleanCompilerOutput("error: x\n --> judge_call.rs:4:14\nerror: y\n --> judge_call.rs:9:1\n"));
        // A candidate's own Solution struct is not declared twice; one in a comment does not count.
        Assert.DoesNotContain("pub struct Solution;", new RustToolchain().Plan(Signatures.TwoSum, "struct Solution;\n").Files[RustToolchain.CallSiteFile]);
        Assert.Contains("pub struct Solution;", new RustToolchain().Plan(Signatures.TwoSum, "// struct Solution;\n").Files[RustToolchain.CallSiteFile]);
    }

    [Fact]
    public void Rust_shows_an_unstable_APIs_error_as_stable_rustc_does_without_the_help_only_a_bootstrapped_rustc_adds()
    {
        const string Snippet = "error[E0658]: use of unstable library feature `core_intrinsics`: intrinsics are unlikely to ever be stabilized\n"
            + " --> solution.rs:3:19\n  |\n3 |         vec![unsafe { std::intrinsics::unchecked_add(1, 2) }, 0]\n  |                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n";
        const string NightlyHelp = "  |\n  = help: add `#![feature(core_intrinsics)]` to the crate attributes to enable\n"
            + "  = note: this compiler was built on 2026-05-25; consider upgrading it if it is out of date\n";
        var plan = new RustToolchain().Plan(Signatures.TwoSum, "");
        Assert.Equal(Snippet + "\nerror: aborting due to 1 previous error\n", plan.CleanCompilerOutput(Snippet + NightlyHelp + "\nerror: aborting due to 1 previous error\n"));
        // Followed by another note of the error's own: the lines go, the snippet's closing "|" stays.
        Assert.Equal(Snippet + "  |\n  = note: see issue #1\n", plan.CleanCompilerOutput(Snippet + NightlyHelp + "  = note: see issue #1\n"));
    }

    [Theory]
    // A declaration only counts outside comments and literals: "struct Solution" in a string once left Solution
    // undeclared (a compile error for valid code).
    [InlineData("impl Solution { fn f() -> &'static str { \"a unit struct Solution is predefined\" } }", true)]
    [InlineData("impl Solution { fn f() -> &'static str { r#\"\"struct Solution\"\"# } }", true)]
    [InlineData("fn f() -> &'static [u8] { br\"path\\\" }\nstruct Solution;", false)]
    [InlineData("/* outer /* nested */ struct Solution; */ impl Solution {}", true)]
    [InlineData("fn q(c: char) -> bool { c == '\"' }\nstruct Solution;\nfn p<'a>(s: &'a str) -> &'a str { s }", false)]
    [InlineData("fn q(c: char) -> bool { c == '\\'' || c == '\\u{22}' }\npub struct Solution;", false)]
    public void Rust_declares_Solution_for_the_candidate_unless_its_own_code_does(string code, bool declared)
    {
        var callSite = new RustToolchain().Plan(Signatures.TwoSum, code).Files[RustToolchain.CallSiteFile];
        Assert.Equal(declared, callSite.Contains("pub struct Solution;\n", StringComparison.Ordinal));
    }

    [Fact]
    public void TypeScript_diagnostics_are_shown_as_LeetCode_shows_them()
    {
        var raw = "/box/solution.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number[]'.\n";
        Assert.Equal("Line 3: Char 5: error TS2322: Type 'string' is not assignable to type 'number[]'.\n",
            new TypeScriptToolchain().Plan(Signatures.TwoSum, "").CleanCompilerOutput(raw));
    }

    [Fact]
    public void A_TypeScript_candidate_who_declares_ListNode_gets_no_second_declaration_of_it()
    {
        var plan = new TypeScriptToolchain().Plan(Signatures.MergeTwoLists, "class ListNode {\n    val: number\n}\n");
        Assert.DoesNotContain("declare class ListNode", plan.Files["coderoom.d.ts"]);
        Assert.Contains("declare class TreeNode", plan.Files["coderoom.d.ts"]);
    }

    [Fact]
    public void CSharp_diagnostics_are_shown_as_LeetCode_shows_them()
    {
        var raw = "/box/Solution.cs(3,17): error CS0029: Cannot implicitly convert type 'string' to 'int'\n";
        Assert.Equal("Line 3: Char 17: error CS0029: Cannot implicitly convert type 'string' to 'int' (in Solution.cs)\n",
            new CSharpToolchain().Plan(Signatures.TwoSum, "").CleanCompilerOutput(raw));
    }

    [Fact]
    public void The_CSharp_Solution_file_is_one_line_of_implicit_usings_and_a_line_directive_then_the_candidates_code()
    {
        var file = new CSharpToolchain().Plan(Signatures.TwoSum, "// one\r\npublic class Solution {}").Files["Solution.cs"];
        Assert.Equal(CSharpToolchain.Prelude + "// one\npublic class Solution {}", file);
        Assert.EndsWith("#line 1 \"Solution.cs\"\n", CSharpToolchain.Prelude);
        Assert.Single(CSharpToolchain.Prelude.Split('\n'), l => l.StartsWith("using", StringComparison.Ordinal));
    }

    [Fact]
    public void The_CSharp_GC_heap_limit_sits_under_the_memory_limit()
    {
        var env = new CSharpToolchain().Plan(Signatures.TwoSum, "", 256).Environment;
        Assert.Equal("0x" + (208L << 20).ToString("x", System.Globalization.CultureInfo.InvariantCulture), env["DOTNET_GCHeapHardLimit"]);
        Assert.Equal("0", env["DOTNET_gcServer"]);
        Assert.Equal("0", env["DOTNET_EnableDiagnostics"]);
    }
}
