namespace CodeRoom.Judge.Languages;

/// <summary>
/// The preload that makes a compiler wait, loaded, for the end of its stdin (wait_for_stdin.c): rustc and clang spend
/// ~20 ms of CPU in the dynamic loader before they read an argument. A language builds it in its prebuilt step, mounts
/// it read-only with its other prebuilt files, and starts its compiler through <see cref="Wrap"/>; its plan then says
/// <see cref="BuildPlan.CompilerWaitsForStdin"/>, and a compile sandbox prepared ahead of time holds the compiler
/// loaded until the judge has written the candidate's files and closed its stdin.
/// </summary>
internal static class CompilerPreload
{
    public const string SourceName = "wait_for_stdin.c";
    public const string LibraryName = "wait_for_stdin.so";

    public static readonly Lazy<string> Source = new(() => EmbeddedSource.Read(SourceName));

    /// <summary>The prebuilt step's command that builds the library with the language's own C compiler (then removes
    /// the source).</summary>
    public static string BuildCommand(string cCompiler) =>
        cCompiler + " -x c -O2 -shared -fPIC -o " + LibraryName + " " + SourceName + "; rm -f " + SourceName;

    /// <summary>The compiler's command, with the library (in the language's prebuilt mount) preloaded.</summary>
    public static string[] Wrap(string prebuiltMountPoint, params string[] compiler) =>
        ["/usr/bin/env", "LD_PRELOAD=" + prebuiltMountPoint + "/" + LibraryName, .. compiler];
}
