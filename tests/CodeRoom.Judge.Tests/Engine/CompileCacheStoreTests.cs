using CodeRoom.Judge.Sandbox;
using CodeRoom.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge.Tests.Engine;

/// <summary>
/// The compile cache links a compile's outputs in place when the box and the cache share a filesystem, and copies them
/// otherwise; which one happened is counted (<c>coderoom.judge.compile_cache.stores</c>), so a cache that always copies
/// (slower, never wrong) shows.
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class CompileCacheStoreTests(JudgeFixture fixture)
{
    [Fact(Timeout = 60_000)]
    public void A_store_links_on_the_boxes_filesystem_copies_across_filesystems_and_says_which()
    {
        var sandbox = fixture.Services.GetRequiredService<ISandbox>();
        using var linked = Compiled(sandbox);
        using var copied = Compiled(sandbox);
        var boxesRoot = Path.GetDirectoryName(linked.Path)!;
        var sameFilesystem = Path.Combine(boxesRoot, "..", "coderoom-cache-store-test-" + Guid.NewGuid().ToString("N"));
        var otherFilesystem = "/dev/shm/coderoom-cache-store-test-" + Guid.NewGuid().ToString("N");
        Assert.SkipUnless(Directory.Exists("/dev/shm") && Device(boxesRoot) != Device("/dev/shm"), "needs /dev/shm on another filesystem than the boxes");
        try
        {
            Assert.Equal(CompileCache.StoreKind.Linked, Cache(sameFilesystem).StoreAs("k1", linked, ["solution.go"]));
            Assert.Equal(Stat(Path.Combine(linked.Path, "main")), Stat(Path.Combine(sameFilesystem, "k1", "main")));
            Assert.False(File.Exists(Path.Combine(sameFilesystem, "k1", "solution.go")));

            // linkat across filesystems fails (EXDEV): the store copies.
            Assert.Equal(CompileCache.StoreKind.Copied, Cache(otherFilesystem).StoreAs("k1", copied, ["solution.go"]));
            Assert.NotEqual(Stat(Path.Combine(copied.Path, "main")), Stat(Path.Combine(otherFilesystem, "k1", "main")));
            Assert.Equal("\x7fELF the compiled program", File.ReadAllText(Path.Combine(otherFilesystem, "k1", "main")));
        }
        finally
        {
            foreach (var root in new[] { sameFilesystem, otherFilesystem })
            {
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }
    }

    private static SandboxBox Compiled(ISandbox sandbox)
    {
        var box = sandbox.CreateBox();
        box.WriteFile("solution.go", "package main\n");
        box.WriteFile("main", "\x7fELF the compiled program");
        return box;
    }

    private static CompileCache Cache(string root) =>
        new(Options.Create(new JudgeOptions { CompileCacheRoot = root, CompileCacheEntries = 10 }));

    /// <summary>The device and inode of a path: one file or filesystem told from another.</summary>
    private static string Stat(string path) => FileStat.Of(path, "%d:%i");

    private static string Device(string path) => FileStat.Of(path, "%d");
}
