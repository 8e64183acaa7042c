namespace CodeRoom.Judge.Contract;

/// <summary>The languages candidates write in. The lowercase names are the wire names (python, java, cpp, javascript,
/// typescript, go).</summary>
public enum LanguageId
{
    Python,
    Java,
    Cpp,
    JavaScript,
    TypeScript,
    Go,
}

public static class LanguageIds
{
    public static readonly IReadOnlyList<LanguageId> All = [LanguageId.Python, LanguageId.Java, LanguageId.Cpp, LanguageId.JavaScript, LanguageId.TypeScript,
        LanguageId.Go];

    public static string WireName(this LanguageId id) => id switch
    {
        LanguageId.Python => "python",
        LanguageId.Java => "java",
        LanguageId.Cpp => "cpp",
        LanguageId.JavaScript => "javascript",
        LanguageId.TypeScript => "typescript",
        LanguageId.Go => "go",
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    public static bool TryParse(string? name, out LanguageId id)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "python" or "python3" or "py":
                id = LanguageId.Python;
                return true;
            case "java":
                id = LanguageId.Java;
                return true;
            case "cpp" or "c++" or "cxx":
                id = LanguageId.Cpp;
                return true;
            case "javascript" or "js" or "node":
                id = LanguageId.JavaScript;
                return true;
            case "typescript" or "ts":
                id = LanguageId.TypeScript;
                return true;
            case "go" or "golang":
                id = LanguageId.Go;
                return true;
            default:
                id = default;
                return false;
        }
    }
}
