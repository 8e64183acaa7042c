using CodeRoom.Judge.Checking;
using CodeRoom.Judge.Languages.Cpp;
using CodeRoom.Judge.Languages.CSharp;
using CodeRoom.Judge.Languages.Go;
using CodeRoom.Judge.Languages.Java;
using CodeRoom.Judge.Languages.Rust;

namespace CodeRoom.Judge.Tests.Languages;

/// <summary>Compiler output (as the judge cleans it) to the editor's markers (issue 15); the real compilers' output is
/// covered end to end by the API's CheckTests.</summary>
public sealed class DiagnosticParserTests
{
    private const string Code = "class Solution {\n    int f(int a) {\n        int x = missing + 1;\n        return x;\n    }\n};\n";

    [Fact]
    public void Clang_messages_in_the_candidates_file_keep_their_place_and_span_the_identifier()
    {
        var output = "solution.cpp:3:17: error: use of undeclared identifier 'missing'\n    3 |         int x = missing + 1;\n      |                 ^\n"
            + "solution.cpp:4:9: warning: something\n1 error generated.";
        var found = CppDiagnostics.Parse(output, Code);
        Assert.Equal([
            new CodeDiagnostic(3, 17, 3, 24, "error", "use of undeclared identifier 'missing'"),
            new CodeDiagnostic(4, 9, 4, 15, "warning", "something"),
        ], found);
    }

    [Fact]
    public void A_clang_error_in_the_harness_moves_to_the_candidates_requested_here_note_or_else_the_Solution_line()
    {
        var instantiated = "/usr/include/c++/14/bits/stl_heap.h:10:5: error: no match for 'operator<'\n"
            + "solution.cpp:4:9: note: in instantiation of function template requested here\n";
        Assert.Equal(new CodeDiagnostic(4, 9, 4, 15, "error", "no match for 'operator<'"), Assert.Single(CppDiagnostics.Parse(instantiated, Code)));

        var callSite = "judge_call.cpp:12:22: error: no member named 'addTwo' in 'Solution'\n";
        Assert.Equal(new CodeDiagnostic(1, 1, 1, 6, "error", "no member named 'addTwo' in 'Solution'"), Assert.Single(CppDiagnostics.Parse(callSite, Code)));
    }

    [Fact]
    public void Javac_messages_take_the_caret_column_and_the_detail_lines()
    {
        var output = "Solution.java:3: error: cannot find symbol\n        int x = missing + 1;\n                ^\n  symbol:   variable missing\n  location: class Solution\n"
            + "Solution.java:4: error: incompatible types: int cannot be converted to String\n        return x;\n               ^\n2 errors";
        var found = JavaDiagnostics.Parse(output, Code);
        Assert.Equal([
            new CodeDiagnostic(3, 17, 3, 24, "error", "cannot find symbol\nsymbol:   variable missing\nlocation: class Solution"),
            new CodeDiagnostic(4, 16, 4, 17, "error", "incompatible types: int cannot be converted to String"),
        ], found);
    }

    private const string GoCode = "// a comment\nfunc addTwo(a int64, b int64) int64 {\n    s := a + missing\n    var t string = a\n    return s\n}\n";

    [Fact]
    public void Go_messages_keep_their_place_and_continuation_lines_and_a_call_site_error_goes_to_the_func()
    {
        var output = "solution.go:3:14: undefined: missing\n"
            + "solution.go:4:20: cannot use a (variable of type int64) as string value in variable declaration\n"
            + "judge_call.go:9:30: not enough arguments in call to addTwo\n\thave (int64)\n\twant (int64, int64)\n";
        Assert.Equal([
            new CodeDiagnostic(3, 14, 3, 21, "error", "undefined: missing"),
            new CodeDiagnostic(4, 20, 4, 21, "error", "cannot use a (variable of type int64) as string value in variable declaration"),
            new CodeDiagnostic(2, 1, 2, 5, "error", "not enough arguments in call to addTwo\nhave (int64)\nwant (int64, int64)"),
        ], GoDiagnostics.Parse(output, GoCode));
    }

    private const string RustCode = "impl Solution {\n    pub fn add_two(a: i64, b: i64) -> i64 {\n        let s = a + missing;\n        let t: String = a;\n        s\n    }\n}\n";

    [Fact]
    public void Rustc_messages_take_their_place_and_the_primary_label_and_a_call_site_error_goes_to_impl_Solution()
    {
        var output = "error[E0425]: cannot find value `missing` in this scope\n --> solution.rs:3:21\n  |\n3 |         let s = a + missing;\n"
            + "  |                     ^^^^^^^ not found in this scope\n\n"
            + "error[E0308]: mismatched types\n --> solution.rs:4:25\n  |\n4 |         let t: String = a;\n"
            + "  |                ------   ^ expected `String`, found `i64`\n  |                |\n  |                expected due to this\n\n"
            + "error[E0599]: no function or associated item named `add_two` found for struct `Solution` in the current scope\n"
            + "  --> judge_call.rs:12:33\n   |\n12 |     let result = Solution::add_two(a0, a1);\n   |                            ^^^^^^^ function or associated item not found in `Solution`\n\n"
            + "error: aborting due to 3 previous errors\n\nSome errors have detailed explanations: E0308, E0425.\n";
        Assert.Equal([
            new CodeDiagnostic(3, 21, 3, 28, "error", "cannot find value `missing` in this scope\nnot found in this scope"),
            new CodeDiagnostic(4, 25, 4, 26, "error", "mismatched types\nexpected `String`, found `i64`"),
            new CodeDiagnostic(1, 1, 1, 5, "error",
                "no function or associated item named `add_two` found for struct `Solution` in the current scope\nfunction or associated item not found in `Solution`"),
        ], RustDiagnostics.Parse(output, RustCode));
    }

    [Fact]
    public void Rustfmts_first_parse_error_becomes_one_short_line_naming_the_candidates_line()
    {
        var stderr = "error: expected one of `!`, `(`, `+`, `,`, `::`, `<`, or `>`, found `{`\n --> <stdin>:2:50\n  |\n"
            + "2 |     pub fn add_two(a: i64, b: i64 -> i64 {\n  |                                                  ^ expected one of 7 possible tokens\n\n"
            + "error: this file contains an unclosed delimiter\n --> <stdin>:5:3\n";
        Assert.Equal("line 2: expected one of `!`, `(`, `+`, `,`, `::`, `<`, or `>`, found `{`", RustFormat.Describe(stderr));
        // Output in a form it does not know: its first line, never nothing.
        Assert.Equal("thread 'main' panicked", RustFormat.Describe("\nthread 'main' panicked\nnote: ...\n"));
        Assert.Equal("rustfmt could not format the code", RustFormat.Describe(""));
    }

    [Fact]
    public void Roslyn_messages_as_LeetCode_shows_them_keep_their_place_and_code()
    {
        var output = "Line 3: Char 17: error CS0103: The name 'missing' does not exist in the current context (in Solution.cs)\n"
            + "Line 4: Char 16: error CS0029: Cannot implicitly convert type 'int' to 'string' (in Solution.cs)\n";
        Assert.Equal([
            new CodeDiagnostic(3, 17, 3, 24, "error", "The name 'missing' does not exist in the current context (CS0103)"),
            new CodeDiagnostic(4, 16, 4, 17, "error", "Cannot implicitly convert type 'int' to 'string' (CS0029)"),
        ], CSharpDiagnostics.Parse(output, Code));
    }

    [Fact]
    public void A_position_past_the_code_is_clamped_to_it()
    {
        var d = DiagnosticText.At(DiagnosticText.Lines("a\nbc"), 9, 40, "error", " m ");
        Assert.Equal(new CodeDiagnostic(2, 3, 2, 4, "error", "m"), d);
    }
}
