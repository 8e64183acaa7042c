using System.Text.Json.Nodes;

namespace CodeRoom.Judge.Contract;

public enum TestVisibility
{
    Public,
    Hidden,
}

public enum CompareMode
{
    Exact,
    Float,
    Unordered,
    UnorderedDeep,
}

public sealed record Parameter(string Name, ValueType Type);

/// <summary>A validated function signature.</summary>
public sealed record Signature(
    string FunctionName,
    IReadOnlyDictionary<LanguageId, string> FunctionNames,
    IReadOnlyList<Parameter> Params,
    ValueType ReturnType,
    string? OutputParam)
{
    /// <summary>The name in that language: function_names, else the contract's name, which Rust spells in snake_case
    /// as LeetCode does (twoSum is two_sum).</summary>
    public string FunctionNameFor(LanguageId language) =>
        FunctionNames.TryGetValue(language, out var name) ? name
        : language == LanguageId.Rust ? SnakeCase.Of(FunctionName)
        // LeetCode's C# method names are PascalCase (twoSum is TwoSum).
        : language == LanguageId.CSharp && FunctionName.Length > 0 ? char.ToUpperInvariant(FunctionName[0]) + FunctionName[1..]
        : FunctionName;

    /// <summary>The type that is judged: the return type, or the output parameter's type for in-place problems.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ValueType JudgedType => OutputParam is null ? ReturnType : Params.First(p => p.Name == OutputParam).Type;
}

public sealed record Tolerance(double? AbsTol, double? RelTol);

public sealed record CompareRule(CompareMode Mode, Tolerance Tolerance);

public sealed record Limits(int TimeLimitMs, int MemoryLimitMb);

/// <summary>A validated test. <see cref="Input"/> has one entry per parameter, in signature order.</summary>
public sealed record TestCase(int Index, TestVisibility Visibility, JsonObject Input, JsonNode? Expected,
    Tolerance? Tolerance, int? TimeoutMs, string? Category);

/// <summary>A problem that passed validation: every test's data matches the signature's types.</summary>
public sealed record Problem(
    string Slug,
    string Title,
    string Difficulty,
    string StatementMd,
    string ConstraintsMd,
    IReadOnlyList<string> Topics,
    Signature Signature,
    CompareRule Compare,
    Limits Limits,
    IReadOnlyList<TestCase> Tests,
    IReadOnlyDictionary<LanguageId, string> ReferenceSolutions)
{
    public IEnumerable<TestCase> PublicTests => Tests.Where(t => t.Visibility == TestVisibility.Public);
}
