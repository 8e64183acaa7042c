using System.Reflection;

namespace CodeRoom.Judge.Languages;

/// <summary>The static harness sources, embedded in this assembly from Languages/**.</summary>
internal static class EmbeddedSource
{
    /// <param name="relativeName">Path under Languages/ with dots, e.g. "Python.harness.py".</param>
    public static string Read(string relativeName)
    {
        var assembly = typeof(EmbeddedSource).Assembly;
        var name = "CodeRoom.Judge.Languages." + relativeName;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
