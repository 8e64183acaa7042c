namespace CodeRoom.Tests.Shared;

/// <summary>stat(1) of a path in a format (<c>%i</c> inode, <c>%d</c> device, <c>%u %g</c> owner): .NET has no API for
/// inodes and devices, and the tests only compare them.</summary>
internal static class FileStat
{
    public static string Of(string path, string format)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/stat", ["-c", format, path])
        {
            RedirectStandardOutput = true,
        })!;
        var output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return output;
    }
}
