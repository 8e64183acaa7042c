namespace CodeRoom.Judge.Languages;

/// <summary>The toolchain types registered by AddCodeRoomJudge (filled in as each language lands).</summary>
public static class LanguageToolchains
{
    public static readonly IReadOnlyList<Type> All = [typeof(Python.PythonToolchain), typeof(Java.JavaToolchain), typeof(Cpp.CppToolchain),
        typeof(JavaScript.JavaScriptToolchain), typeof(TypeScript.TypeScriptToolchain),
        typeof(Go.GoToolchain)];
}
