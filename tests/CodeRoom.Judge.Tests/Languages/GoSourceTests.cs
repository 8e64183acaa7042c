using CodeRoom.Judge.Languages.Go;

namespace CodeRoom.Judge.Tests.Languages;

/// <summary>The candidate's Go file as the compiler gets it: package main, goimports-style imports merged with the
/// candidate's own, and the candidate's line numbers kept.</summary>
public sealed class GoSourceTests
{
    [Fact]
    public void Packages_used_by_name_are_imported_with_a_blank_use_and_the_code_keeps_its_lines()
    {
        var source = GoSource.Compose("func f(a []int) int {\n    sort.Ints(a)\n    return heap.Len(nil) + int(math.Sqrt(2))\n}\n", out var added);
        Assert.Equal(["container/heap", "math", "sort"], added);
        var lines = source.Split('\n');
        Assert.Equal("package main; import (\"container/heap\"; \"math\"; \"sort\")", lines[0]);
        Assert.Equal("//line solution.go:1:1", lines[1]);
        Assert.Equal("func f(a []int) int {", lines[2]);
        Assert.Contains("var _ = heap.Init\n", source, StringComparison.Ordinal);
        Assert.Contains("var _ = sort.Ints\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_candidates_own_package_clause_and_imports_are_kept_and_not_imported_twice()
    {
        const string code = "// my solution\npackage main\n\nimport (\n    \"sort\"\n    str \"strings\"\n)\n\nfunc f(a []string) string {\n    sort.Strings(a)\n    return str.Join(a, \",\") + strings.Repeat(\"x\", 1)\n}\n";
        var source = GoSource.Compose(code, out var added);
        // strings is used by name but the candidate's import binds "str": strings itself is still missing, so added.
        Assert.Equal(["strings"], added);
        var lines = source.Split('\n');
        Assert.Equal("// my solution", lines[2]);
        Assert.Equal("            ", lines[3]);
        Assert.Equal("import (", lines[5]);
    }

    [Fact]
    public void Selectors_in_strings_comments_and_fields_and_names_the_candidate_declares_import_nothing()
    {
        const string code = "type list struct{ sort int }\n// math.Abs in a comment\nfunc f(l list) string {\n    _ = l.sort\n    return \"fmt.Sprint\" + `strings.X`\n}\nfunc g() { list.x() }\n";
        GoSource.Compose(code, out var added);
        Assert.Empty(added);
    }

    [Fact]
    public void Block_comments_are_skipped_in_linear_time_and_keep_what_follows_them()
    {
        // Composing runs on the judge host for every Run and live check: 50 KB of "/**/" (the request limit) once cost
        // ~150 ms of CPU there, the whole file copied per comment (1.25 GB allocated). Allocation is the measure here:
        // exact on a loaded machine, where a clock is not.
        var hostile = string.Concat(Enumerable.Repeat("/**/", 12_500)) + "\nfunc f() float64 { return math.Sqrt(2) }\n";
        var before = GC.GetAllocatedBytesForCurrentThread();
        GoSource.Compose(hostile, out var added);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(["math"], added);
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes for a {hostile.Length}-character file");
        GoSource.Compose("/* math.Abs */ func g() int { return 1 } /* unterminated sort.Ints", out var none);
        Assert.Empty(none);
    }
}
