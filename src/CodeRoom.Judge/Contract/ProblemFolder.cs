using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeRoom.Judge.Contract;

/// <summary>
/// Reads a problem bank folder (docs/problem-format.md) into the JSON contract: problem.json, statement.md,
/// constraints.md, tests/public.json, tests/hidden.json and solutions/reference.*.
/// </summary>
public static class ProblemFolder
{
    private static readonly Dictionary<string, string> Extensions = new()
    {
        ["python"] = "py",
        ["java"] = "java",
        ["cpp"] = "cpp",
        ["javascript"] = "js",
        ["typescript"] = "ts",
        ["go"] = "go",
    };

    public static ProblemDefinition Load(string directory)
    {
        var problemJson = Path.Combine(directory, "problem.json");
        if (!File.Exists(problemJson))
        {
            throw new FileNotFoundException($"{problemJson} is missing", problemJson);
        }
        var definition = JsonSerializer.Deserialize<ProblemDefinition>(File.ReadAllText(problemJson), ContractJson.Options)
            ?? throw new InvalidDataException($"{problemJson} is empty");

        var tests = new List<TestDefinition>(definition.Tests ?? []);
        foreach (var visibility in new[] { "public", "hidden" })
        {
            var file = Path.Combine(directory, "tests", visibility + ".json");
            if (!File.Exists(file))
            {
                continue;
            }
            var items = JsonNode.Parse(File.ReadAllText(file)) as JsonArray
                ?? throw new InvalidDataException($"{file}: expected a JSON array of tests");
            foreach (var item in items)
            {
                var test = item.Deserialize<TestDefinition>(ContractJson.Options)
                    ?? throw new InvalidDataException($"{file}: null test");
                tests.Add(test with { Visibility = visibility });
            }
        }

        var references = new Dictionary<string, string>(definition.ReferenceSolutions ?? new Dictionary<string, string>());
        foreach (var (language, extension) in Extensions)
        {
            var file = Path.Combine(directory, "solutions", "reference." + extension);
            if (File.Exists(file))
            {
                references[language] = File.ReadAllText(file);
            }
        }

        return definition with
        {
            Slug = definition.Slug ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)),
            StatementMd = ReadOptional(directory, "statement.md") ?? definition.StatementMd,
            ConstraintsMd = ReadOptional(directory, "constraints.md") ?? definition.ConstraintsMd,
            Tests = tests,
            ReferenceSolutions = references,
        };
    }

    /// <summary>Every problem folder under the bank's root (folders starting with '_' or '.' are tools, not problems).</summary>
    public static IReadOnlyList<string> FindAll(string problemsRoot) =>
        Directory.Exists(problemsRoot)
            ? Directory.GetDirectories(problemsRoot)
                .Where(d => !Path.GetFileName(d).StartsWith('_') && !Path.GetFileName(d).StartsWith('.'))
                .Where(d => File.Exists(Path.Combine(d, "problem.json")))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public static IReadOnlyList<ProblemDefinition> LoadAll(string problemsRoot) => FindAll(problemsRoot).Select(Load).ToList();

    /// <summary>Other solutions in the folder: solutions/{kind}.{ext} for kind wrong or slow.</summary>
    public static IReadOnlyDictionary<LanguageId, string> Solutions(string directory, string kind)
    {
        var result = new Dictionary<LanguageId, string>();
        foreach (var (language, extension) in Extensions)
        {
            var file = Path.Combine(directory, "solutions", kind + "." + extension);
            if (File.Exists(file) && LanguageIds.TryParse(language, out var id))
            {
                result[id] = File.ReadAllText(file);
            }
        }
        return result;
    }

    private static string? ReadOptional(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
