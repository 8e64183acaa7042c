using System.Text.Json;
using System.Text.Json.Nodes;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Api.Problems;

/// <summary>Reads one problems/&lt;slug&gt;/ folder into the contract. Delegates to the judge's ProblemFolder once it
/// is on main (issue 2); until then reads the layout of docs/problem-format.md itself.</summary>
internal static class ProblemBank
{
#if CODEROOM_PROBLEM_FOLDER
    public static ProblemDefinition Load(string directory) => ProblemFolder.Load(directory);
#else
    public static ProblemDefinition Load(string directory)
    {
        var definition = JsonSerializer.Deserialize<ProblemDefinition>(File.ReadAllText(Path.Combine(directory, "problem.json")), ContractJson.Options)
            ?? throw new InvalidDataException("problem.json is empty");
        string Read(string name) => File.Exists(Path.Combine(directory, name)) ? File.ReadAllText(Path.Combine(directory, name)) : "";
        var tests = new List<TestDefinition>();
        foreach (var visibility in new[] { "public", "hidden" })
        {
            var path = Path.Combine(directory, "tests", visibility + ".json");
            if (!File.Exists(path))
            {
                continue;
            }
            var list = JsonSerializer.Deserialize<List<TestDefinition>>(File.ReadAllText(path), ContractJson.Options) ?? [];
            tests.AddRange(list.Select(t => t with { Visibility = visibility }));
        }
        var references = new Dictionary<string, string>();
        foreach (var (language, extension) in new[] { ("python", "py"), ("java", "java"), ("cpp", "cpp") })
        {
            var path = Path.Combine(directory, "solutions", "reference." + extension);
            if (File.Exists(path))
            {
                references[language] = File.ReadAllText(path);
            }
        }
        return definition with
        {
            Slug = definition.Slug ?? Path.GetFileName(directory),
            StatementMd = definition.StatementMd ?? Read("statement.md"),
            ConstraintsMd = definition.ConstraintsMd ?? Read("constraints.md"),
            Tests = tests,
            ReferenceSolutions = references,
        };
    }
#endif
}
