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

public sealed class StarterCodeTests
{
    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void Python_starter_code_is_a_type_hinted_Solution_method_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.py", new PythonToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void Java_starter_code_is_a_public_Solution_method_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.java", new JavaToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void Cpp_starter_code_is_a_public_Solution_member_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.cpp", new CppToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void JavaScript_starter_code_is_a_JSDoc_typed_var_function_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.js", new JavaScriptToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void TypeScript_starter_code_is_a_typed_top_level_function_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.ts", new TypeScriptToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void Go_starter_code_is_a_package_level_func_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.go", new GoToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void Rust_starter_code_is_an_impl_Solution_with_a_snake_case_associated_function_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.rs", new RustToolchain().StarterCode(Signatures.Named(name)));

    [Theory]
    [MemberData(nameof(Signatures.Names), MemberType = typeof(Signatures))]
    public void CSharp_starter_code_is_a_public_Solution_with_a_PascalCase_method_as_on_LeetCode(string name) =>
        Golden.Match($"starter/{name}.cs", new CSharpToolchain().StarterCode(Signatures.Named(name)));

    [Fact]
    public void Starter_code_uses_the_per_language_function_name_when_the_problem_overrides_it()
    {
        Assert.Contains("def max_profit(self, prices: List[int]) -> int:", new PythonToolchain().StarterCode(Signatures.Renamed));
        Assert.Contains("public int maxProfit(List<Integer> prices)", new JavaToolchain().StarterCode(Signatures.Renamed));
        Assert.Contains("int maxProfit(vector<int>& prices)", new CppToolchain().StarterCode(Signatures.Renamed));
    }

    [Fact]
    public void Starter_code_includes_the_commented_out_node_definitions_only_when_the_signature_uses_them()
    {
        ILanguageToolchain[] toolchains =
            [new PythonToolchain(), new JavaToolchain(), new CppToolchain(), new JavaScriptToolchain(), new TypeScriptToolchain(), new RustToolchain(), new CSharpToolchain()];
        foreach (var toolchain in toolchains)
        {
            Assert.DoesNotContain("ListNode", toolchain.StarterCode(Signatures.TwoSum));
            Assert.Contains("Definition for singly-linked list.", toolchain.StarterCode(Signatures.MergeTwoLists));
            Assert.Contains("Definition for a binary tree node.", toolchain.StarterCode(Signatures.LevelOrder));
            Assert.DoesNotContain("singly-linked", toolchain.StarterCode(Signatures.LevelOrder));
        }
    }
}
