using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodeRoom.Judge.Contract;

/// <summary>Turns a <see cref="ProblemDefinition"/> into a <see cref="Problem"/>, or lists every error, each naming
/// the field, the test and the parameter concerned.</summary>
public static partial class ProblemValidator
{
    public const int DefaultTimeLimitMs = 500;
    public const int DefaultMemoryLimitMb = 256;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        // Keywords of any of the languages cannot be parameter or function names.
        "class", "def", "return", "int", "long", "double", "char", "bool", "boolean", "void", "new", "delete", "public",
        "private", "static", "final", "import", "from", "lambda", "None", "True", "False", "null", "true", "false", "this",
        "self", "for", "while", "if", "else", "in", "is", "not", "and", "or", "try", "catch", "except", "switch", "case",
        "default", "struct", "template", "typename", "auto", "const", "namespace", "using", "operator", "string", "list",
        "Solution", "ListNode", "TreeNode", "main", "Main",
        // JavaScript and TypeScript (strict mode's reserved words too: TypeScript emits "use strict").
        "var", "let", "function", "typeof", "instanceof", "arguments", "eval", "yield", "await", "async", "with",
        "do", "break", "continue", "throw", "finally", "enum", "export", "extends", "super", "implements", "interface",
        "package", "protected", "debugger", "undefined", "NaN", "Infinity", "number", "any", "type",
        // Go, and the harness package judge_call.go imports.
        "func", "go", "chan", "defer", "select", "range", "map", "fallthrough", "goto", "coderoom",
    };

    public static (Problem? Problem, IReadOnlyList<string> Errors) Validate(ProblemDefinition? definition)
    {
        var errors = new List<string>();
        if (definition is null)
        {
            return (null, ["problem: the document is empty"]);
        }
        var slug = definition.Slug?.Trim() ?? "";
        if (!SlugPattern().IsMatch(slug) || slug.Length > 80)
        {
            errors.Add("slug: must be lowercase letters, digits and single dashes (for example two-sum), at most 80 characters");
        }
        if (string.IsNullOrWhiteSpace(definition.Title))
        {
            errors.Add("title: is required");
        }
        var difficulty = definition.Difficulty?.Trim().ToLowerInvariant() ?? "medium";
        if (difficulty is not ("easy" or "medium" or "hard"))
        {
            errors.Add("difficulty: must be easy, medium or hard");
        }

        var signature = ValidateSignature(definition.Signature, errors);
        var compare = ValidateCompare(definition.Compare, signature, errors);
        var limits = ValidateLimits(definition.Limits, errors);
        var tests = signature is null ? [] : ValidateTests(definition.Tests, signature, errors);

        var references = new Dictionary<LanguageId, string>();
        foreach (var (name, code) in definition.ReferenceSolutions ?? new Dictionary<string, string>())
        {
            if (!LanguageIds.TryParse(name, out var language))
            {
                errors.Add($"reference_solutions.{name}: unknown language (use python, java, cpp, javascript, typescript or go)");
            }
            else if (!string.IsNullOrWhiteSpace(code))
            {
                references[language] = code;
            }
        }

        if (errors.Count > 0 || signature is null || compare is null || limits is null)
        {
            return (null, errors);
        }
        var problem = new Problem(slug, definition.Title!.Trim(), difficulty, definition.StatementMd ?? "",
            definition.ConstraintsMd ?? "", definition.Topics ?? [], signature, compare, limits, tests, references);
        return (problem, errors);
    }

    private static Signature? ValidateSignature(SignatureDefinition? definition, List<string> errors)
    {
        if (definition is null)
        {
            errors.Add("signature: is required");
            return null;
        }
        var ok = true;
        var functionName = definition.FunctionName?.Trim() ?? "";
        if (!IsIdentifier(functionName))
        {
            errors.Add("signature.function_name: must be an identifier that is no keyword of Python, Java, C++, JavaScript or TypeScript");
            ok = false;
        }
        var names = new Dictionary<LanguageId, string>();
        foreach (var (lang, name) in definition.FunctionNames ?? new Dictionary<string, string>())
        {
            if (!LanguageIds.TryParse(lang, out var id))
            {
                errors.Add($"signature.function_names.{lang}: unknown language (use python, java, cpp, javascript, typescript or go)");
                ok = false;
            }
            else if (!IsIdentifier(name))
            {
                errors.Add($"signature.function_names.{lang}: '{name}' is not a usable identifier");
                ok = false;
            }
            else
            {
                names[id] = name;
            }
        }
        var parameters = new List<Parameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var defs = definition.Params ?? [];
        if (defs.Count > 20)
        {
            errors.Add("signature.params: at most 20 parameters");
            ok = false;
        }
        for (var i = 0; i < defs.Count; i++)
        {
            var p = defs[i];
            var name = p?.Name?.Trim() ?? "";
            if (!IsIdentifier(name))
            {
                errors.Add($"signature.params[{i}].name: '{name}' must be an identifier that is no keyword of Python, Java, C++, JavaScript or TypeScript");
                ok = false;
                continue;
            }
            if (!seen.Add(name))
            {
                errors.Add($"signature.params[{i}].name: '{name}' appears twice");
                ok = false;
            }
            var type = ValueType.TryParse(p?.Type, out var typeError);
            if (type is null || type.Kind == ValueKind.Void)
            {
                errors.Add($"signature.params[{i}].type ({name}): {typeError ?? "a parameter cannot be void"}");
                ok = false;
                continue;
            }
            parameters.Add(new Parameter(name, type));
        }
        var returnType = ValueType.TryParse(definition.ReturnType ?? "void", out var returnError);
        if (returnType is null)
        {
            errors.Add($"signature.return_type: {returnError}");
            ok = false;
        }
        var outputParam = string.IsNullOrWhiteSpace(definition.OutputParam) ? null : definition.OutputParam.Trim();
        if (outputParam is not null)
        {
            var target = parameters.FirstOrDefault(p => p.Name == outputParam);
            if (target is null)
            {
                errors.Add($"signature.output_param: '{outputParam}' is not one of the parameters");
                ok = false;
            }
            else if (returnType is not null && returnType.Kind != ValueKind.Void)
            {
                errors.Add("signature.output_param: only a void function judges an output parameter");
                ok = false;
            }
            else if (!(target.Type.IsSequence || target.Type.Kind is ValueKind.ListNode or ValueKind.TreeNode))
            {
                errors.Add($"signature.output_param: '{outputParam}' is a {target.Type}, which a function cannot change in place");
                ok = false;
            }
        }
        else if (returnType is { Kind: ValueKind.Void })
        {
            errors.Add("signature.output_param: a void function needs an output_param to judge");
            ok = false;
        }
        return ok && returnType is not null ? new Signature(functionName, names, parameters, returnType, outputParam) : null;
    }

    private static CompareRule? ValidateCompare(CompareDefinition? definition, Signature? signature, List<string> errors)
    {
        var mode = (definition?.Mode?.Trim().ToLowerInvariant() ?? "exact") switch
        {
            "exact" => CompareMode.Exact,
            "float" => CompareMode.Float,
            "unordered" => CompareMode.Unordered,
            "unordered_deep" => CompareMode.UnorderedDeep,
            _ => (CompareMode?)null,
        };
        if (mode is null)
        {
            errors.Add("compare.mode: must be exact, float, unordered or unordered_deep");
            return null;
        }
        var tolerance = new Tolerance(definition?.AbsTol, definition?.RelTol);
        if (ToleranceError(tolerance) is { } error)
        {
            errors.Add("compare: " + error);
            return null;
        }
        if (mode == CompareMode.Float && tolerance.AbsTol is null && tolerance.RelTol is null)
        {
            tolerance = new Tolerance(1e-6, null);
        }
        if (signature is not null && mode is CompareMode.Unordered or CompareMode.UnorderedDeep && !signature.JudgedType.IsSequence)
        {
            errors.Add($"compare.mode: {definition?.Mode} needs an array or list result, not {signature.JudgedType}");
            return null;
        }
        return new CompareRule(mode.Value, tolerance);
    }

    private static string? ToleranceError(Tolerance tolerance)
    {
        if (tolerance.AbsTol is { } a && (!double.IsFinite(a) || a < 0))
        {
            return "abs_tol must be a finite number >= 0";
        }
        if (tolerance.RelTol is { } r && (!double.IsFinite(r) || r < 0))
        {
            return "rel_tol must be a finite number >= 0";
        }
        return null;
    }

    private static Limits? ValidateLimits(LimitsDefinition? definition, List<string> errors)
    {
        var time = definition?.TimeLimitMs ?? DefaultTimeLimitMs;
        var memory = definition?.MemoryLimitMb ?? DefaultMemoryLimitMb;
        var ok = true;
        if (time is < 50 or > 20_000)
        {
            errors.Add("limits.time_limit_ms: must be between 50 and 20000");
            ok = false;
        }
        if (memory is < 32 or > 2048)
        {
            errors.Add("limits.memory_limit_mb: must be between 32 and 2048");
            ok = false;
        }
        return ok ? new Limits(time, memory) : null;
    }

    private static List<TestCase> ValidateTests(IReadOnlyList<TestDefinition>? definitions, Signature signature, List<string> errors)
    {
        var tests = new List<TestCase>();
        if (definitions is null || definitions.Count == 0)
        {
            errors.Add("tests: at least one test is required");
            return tests;
        }
        for (var i = 0; i < definitions.Count; i++)
        {
            if (ValidateTest(definitions[i], i, signature, errors, requireExpected: true) is { } test)
            {
                tests.Add(test);
            }
        }
        if (errors.Count == 0 && !tests.Any(t => t.Visibility == TestVisibility.Public))
        {
            errors.Add("tests: at least one test must be public (Run shows public tests)");
        }
        return tests;
    }

    /// <summary>Validates one test (also used for a candidate's custom inputs, where <paramref name="requireExpected"/>
    /// is false). Errors name the test by index and the parameter.</summary>
    public static TestCase? ValidateTest(TestDefinition? definition, int index, Signature signature, List<string> errors,
        bool requireExpected)
    {
        var where = $"tests[{index}]";
        if (definition is null)
        {
            errors.Add($"{where}: is null");
            return null;
        }
        var visibility = (definition.Visibility?.Trim().ToLowerInvariant() ?? "hidden") switch
        {
            "public" => TestVisibility.Public,
            "hidden" => TestVisibility.Hidden,
            _ => (TestVisibility?)null,
        };
        var before = errors.Count;
        if (visibility is null)
        {
            errors.Add($"{where}.visibility: must be public or hidden");
        }
        var input = definition.Input;
        if (input is null)
        {
            errors.Add($"{where}.input: is required (an object with one entry per parameter)");
        }
        else
        {
            foreach (var (name, _) in input)
            {
                if (signature.Params.All(p => p.Name != name))
                {
                    errors.Add($"{where}.input.{name}: is not a parameter of {signature.FunctionName}");
                }
            }
            foreach (var p in signature.Params)
            {
                if (!input.ContainsKey(p.Name))
                {
                    errors.Add($"{where}.input.{p.Name}: is missing");
                }
                else if (ValueValidator.Check(input[p.Name], p.Type, p.Name) is { } error)
                {
                    errors.Add($"{where}.input.{p.Name} ({p.Type}): {error}");
                }
            }
        }
        if (requireExpected)
        {
            if (ValueValidator.Check(definition.Expected, signature.JudgedType, "expected") is { } error)
            {
                errors.Add($"{where}.expected ({signature.JudgedType}): {error}");
            }
        }
        Tolerance? tolerance = null;
        if (definition.Tolerance is { } t)
        {
            tolerance = new Tolerance(t.AbsTol, t.RelTol);
            if (ToleranceError(tolerance) is { } error)
            {
                errors.Add($"{where}.tolerance: {error}");
            }
        }
        if (definition.TimeoutMs is < 50 or > 20_000)
        {
            errors.Add($"{where}.timeout_ms: must be between 50 and 20000");
        }
        if (errors.Count > before)
        {
            return null;
        }
        // Inputs in signature order, as the harness passes them.
        var ordered = new JsonObject();
        foreach (var p in signature.Params)
        {
            ordered[p.Name] = input![p.Name]?.DeepClone();
        }
        return new TestCase(index, visibility!.Value, ordered, definition.Expected?.DeepClone(), tolerance,
            definition.TimeoutMs, definition.Category);
    }

    private static bool IsIdentifier(string? name) =>
        name is not null && name.Length <= 64 && IdentifierPattern().IsMatch(name) && !ReservedNames.Contains(name);
}
