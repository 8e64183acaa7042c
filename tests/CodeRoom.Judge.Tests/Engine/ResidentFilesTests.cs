using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>The files every compile reads stay mapped in the judge's process (<see cref="ResidentFiles"/>).</summary>
public sealed class ResidentFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coderoom-resident-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ResidentFiles Keeper(bool enabled = true) =>
        new(Options.Create(new JudgeOptions { KeepToolchainFilesResident = enabled }), NullLogger<ResidentFiles>.Instance);

    private string File(string name, int bytes)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }

    private static bool MappedHere(string path) => System.IO.File.ReadAllText("/proc/self/maps").Contains(path, StringComparison.Ordinal);

    [Fact]
    public async Task A_file_and_a_directorys_own_files_are_mapped_into_the_judges_process_and_stay_so()
    {
        var single = File("linker", 10_000);
        var inDirectory = File("lib/libstd.rlib", 20_000);
        var nested = File("lib/deeper/ignored.rlib", 5_000);
        using var keeper = Keeper();

        await keeper.KeepAsync([single, Path.Combine(_dir, "lib"), Path.Combine(_dir, "missing")]);

        Assert.Equal(30_000, keeper.Bytes);
        Assert.True(MappedHere(single) && MappedHere(inDirectory));
        Assert.False(MappedHere(nested));
        // Asked again (every compile asks): nothing more is mapped.
        await keeper.KeepAsync([single, Path.Combine(_dir, "lib")]);
        Assert.Equal(30_000, keeper.Bytes);

        keeper.Dispose();
        Assert.False(MappedHere(single));
    }

    [Fact]
    public async Task Turned_off_it_maps_nothing()
    {
        var single = File("linker", 10_000);
        using var keeper = Keeper(enabled: false);

        await keeper.KeepAsync([single]);

        Assert.Equal(0, keeper.Bytes);
        Assert.False(MappedHere(single));
    }
}
