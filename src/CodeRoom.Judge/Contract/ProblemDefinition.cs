using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CodeRoom.Judge.Contract;

/// <summary>
/// A problem in the JSON contract shared by the judge, the API and the problem bank (docs/problem-format.md).
/// Deserialised as-is; <see cref="ProblemValidator"/> turns it into a <see cref="Problem"/> or names what is wrong.
/// </summary>
public sealed record ProblemDefinition
{
    public string? Slug { get; init; }
    public string? Title { get; init; }
    public string? Difficulty { get; init; }
    public string? StatementMd { get; init; }
    public string? ConstraintsMd { get; init; }
    public IReadOnlyList<string>? Topics { get; init; }
    public SignatureDefinition? Signature { get; init; }
    public CompareDefinition? Compare { get; init; }
    public LimitsDefinition? Limits { get; init; }
    public IReadOnlyList<TestDefinition>? Tests { get; init; }
    public IReadOnlyDictionary<string, string>? ReferenceSolutions { get; init; }
}

public sealed record SignatureDefinition
{
    public string? FunctionName { get; init; }
    public IReadOnlyDictionary<string, string>? FunctionNames { get; init; }
    public IReadOnlyList<ParamDefinition>? Params { get; init; }
    public string? ReturnType { get; init; }
    public string? OutputParam { get; init; }
}

public sealed record ParamDefinition
{
    public string? Name { get; init; }
    public string? Type { get; init; }
}

public sealed record CompareDefinition
{
    public string? Mode { get; init; }
    public double? AbsTol { get; init; }
    public double? RelTol { get; init; }
}

public sealed record LimitsDefinition
{
    public int? TimeLimitMs { get; init; }
    public int? MemoryLimitMb { get; init; }
}

public sealed record TestDefinition
{
    public string? Visibility { get; init; }
    public JsonObject? Input { get; init; }
    public JsonNode? Expected { get; init; }
    public ToleranceDefinition? Tolerance { get; init; }
    public int? TimeoutMs { get; init; }

    /// <summary>Optional label for authors ("empty", "max-n"); shown for failing hidden tests instead of data.</summary>
    public string? Category { get; init; }
}

public sealed record ToleranceDefinition
{
    public double? AbsTol { get; init; }
    public double? RelTol { get; init; }
}

/// <summary>JSON options of the contract: snake_case names, nulls omitted on output.</summary>
public static class ContractJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower) },
    };

    public static readonly System.Text.Json.JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
