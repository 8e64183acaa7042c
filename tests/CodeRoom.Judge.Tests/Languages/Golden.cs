using System.Runtime.CompilerServices;

namespace CodeRoom.Judge.Tests.Languages;

/// <summary>
/// Golden files live next to this source file, in Golden/. Set CODEROOM_UPDATE_GOLDEN=1 to rewrite them from the
/// current output, then review the diff like any other change.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("CODEROOM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing: run the tests with CODEROOM_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
