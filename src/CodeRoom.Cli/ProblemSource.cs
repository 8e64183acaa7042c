using System.Text.Json;
using CodeRoom.Judge.Contract;

namespace CodeRoom.Cli;

/// <summary>Loads a problem from a contract JSON file or a problem bank folder, and reports validation errors.</summary>
internal static class ProblemSource
{
    public static (Problem? Problem, IReadOnlyList<string> Errors) Load(string path)
    {
        ProblemDefinition? definition;
        try
        {
            definition = Directory.Exists(path)
                ? ProblemFolder.Load(path)
                : JsonSerializer.Deserialize<ProblemDefinition>(File.ReadAllText(path), ContractJson.Options);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            return (null, [$"{path}: {e.Message}"]);
        }
        return ProblemValidator.Validate(definition);
    }
}
