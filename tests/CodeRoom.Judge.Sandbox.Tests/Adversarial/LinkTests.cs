using System.Security.Cryptography;

namespace CodeRoom.Judge.Sandbox.Tests.Adversarial;

/// <summary>
/// Judge0 CVE-2024-28185/28189 and go-judge #176: links planted in a directory the sandbox could write, followed by
/// the host. Here the compile step (box writable) plants symlinks, hardlinks and a FIFO; the run step reads them
/// inside; and the host deletes the box. Nothing may follow a link out of the box, on either side.
/// </summary>
[Collection(nameof(SandboxCollection))]
public sealed class LinkTests(SandboxFixture fixture)
{
    private readonly Attack _attack = new(fixture);

    [Fact(Timeout = 60_000)]
    public async Task Links_planted_during_the_compile_step_are_never_followed_by_the_run_or_by_the_box_deletion()
    {
        var sentinelDirectory = Path.Combine(Path.GetTempPath(), "coderoom-sentinel-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(sentinelDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sentinel = Path.Combine(sentinelDirectory, "keep.txt");
        File.WriteAllText(sentinel, "must survive the box deletion");
        var shadowBefore = SHA256.HashData(File.ReadAllBytes("/etc/shadow"));
        try
        {
            var box = fixture.Sandbox.CreateBox();
            AttackResult plant, run;
            using (box)
            {
                box.WriteFile("plant.py", CompiledPrograms.Source("python/symlink_plant.py"));
                box.WriteFile("read.py", """
                    import os
                    for p in ['/box/prog', '/box/output.txt', '/box/dirlink/keep.txt', '/box/run', '/box/nested/link/keep.txt']:
                        try:
                            print(p, 'READ', open(p).read()[:100])
                        except OSError as e:
                            print(p, type(e).__name__)
                    """);
                plant = await _attack.CompileInAsync(box, [Attack.Python, "-S", "-B", "/box/plant.py", sentinelDirectory], Attack.Limits());
                Attack.AssertReason(TerminationReason.Exited, plant);
                Assert.Equal(0, plant.Outcome.ExitCode);
                Assert.Contains("symlink_shadow OK", plant.Stdout); // links can be made: what matters is who follows them
                Assert.Contains("symlink_dir OK", plant.Stdout);
                Assert.Contains("hardlink_python OSError", plant.Stdout); // EXDEV: /usr is another mount
                Assert.Contains("hardlink_shadow FileNotFoundError", plant.Stdout);
                await _attack.AssertContainedAsync(plant with { BoxPath = "/nonexistent" });

                run = await _attack.RunInAsync(box, [Attack.Python, "-S", "-B", "/box/read.py"], Attack.Limits());
                Attack.AssertReason(TerminationReason.Exited, run);
                Assert.DoesNotContain("READ", run.Stdout);
                Assert.Contains("/box/prog FileNotFoundError", run.Stdout);
                Assert.Contains("/box/dirlink/keep.txt FileNotFoundError", run.Stdout);
            }
            await _attack.AssertContainedAsync(run);
            Assert.True(File.Exists(sentinel), "the box deletion followed a symlink out of the box");
            Assert.Equal("must survive the box deletion", File.ReadAllText(sentinel));
            Assert.True(File.Exists("/etc/shadow"));
            Assert.Equal(shadowBefore, SHA256.HashData(File.ReadAllBytes("/etc/shadow")));
            _attack.AssertNoCanary(plant.Stdout + plant.Stderr + run.Stdout + run.Stderr);
            Assert.DoesNotContain("root:", plant.Stdout + run.Stdout);
        }
        finally
        {
            Directory.Delete(sentinelDirectory, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_compiled_artifact_that_is_a_symlink_is_refused_by_the_host_copy()
    {
        using var box = fixture.Sandbox.CreateBox();
        await PlantAsync(box, "import os\nos.symlink('/etc/shadow', '/box/prog')\n");
        using var target = fixture.Sandbox.CreateBox();
        Assert.ThrowsAny<Exception>(() => Attack.CopyIn(Path.Combine(box.Path, "prog"), target, "prog"));
        Assert.False(File.Exists(Path.Combine(target.Path, "prog")));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_compile_cache_links_a_compiles_output_as_roots_read_only_file_that_no_sandbox_uid_can_change()
    {
        using var box = fixture.Sandbox.CreateBox();
        await PlantAsync(box, """
            import os
            with open('/box/main', 'w') as f:
                f.write('compiled')
            os.chmod('/box/main', 0o777)
            with open('/box/notes.txt', 'w') as f:
                f.write('text')
            os.chmod('/box/notes.txt', 0o666)
            os.symlink('/etc/shadow', '/box/prog')
            os.mkfifo('/box/pipe')
            """);
        var staging = Staging();
        try
        {
            Assert.True(SafeRead.TryLinkRegularFiles(box.Path, staging, ["plant.py"], 1 << 20, 1 << 20));

            Assert.Equal(["main", "notes.txt"], Directory.GetFiles(staging).Select(f => Path.GetFileName(f)).Order().ToList());
            Assert.Equal(Inode(Path.Combine(box.Path, "main")), Inode(Path.Combine(staging, "main"))); // linked, not copied
            Assert.Equal((UnixFileMode)0b101_101_101, File.GetUnixFileMode(Path.Combine(staging, "main")));
            Assert.Equal((UnixFileMode)0b100_100_100, File.GetUnixFileMode(Path.Combine(staging, "notes.txt")));
            Assert.Equal("0 0", Owner(Path.Combine(staging, "main")));
            // Written world-writable: any uid, in a sandbox with the box writable again, could have changed it before.
            var change = await _attack.CompileInAsync(box, ["/bin/sh", "-c",
                "echo poisoned > /box/main; chmod 777 /box/main; echo x >> /box/notes.txt; cat /box/main"], Attack.Limits());
            Assert.Equal("compiled", File.ReadAllText(Path.Combine(staging, "main")));
            Assert.Equal("text", File.ReadAllText(Path.Combine(staging, "notes.txt")));
            Assert.Equal((UnixFileMode)0b101_101_101, File.GetUnixFileMode(Path.Combine(staging, "main")));
            Assert.Contains("compiled", change.Stdout); // still readable and runnable by the run's uid
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_compile_output_with_another_link_is_not_linked_into_the_cache()
    {
        using var box = fixture.Sandbox.CreateBox();
        await PlantAsync(box, "import os\nopen('/box/main', 'w').write('x')\nos.link('/box/main', '/box/twin')\n");
        var staging = Staging();
        try
        {
            Assert.False(SafeRead.TryLinkRegularFiles(box.Path, staging, ["plant.py"], 1 << 20, 1 << 20));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Runs a Python script as the compile step does (box writable, a slot uid), which must succeed.</summary>
    private async Task PlantAsync(SandboxBox box, string script)
    {
        box.WriteFile("plant.py", script);
        var plant = await _attack.CompileInAsync(box, [Attack.Python, "-S", "-B", "/box/plant.py"], Attack.Limits());
        Assert.True(plant.Outcome.Succeeded, plant.ToString());
    }

    /// <summary>A directory beside the box root (the same filesystem, as the compile cache is in production).</summary>
    private string Staging()
    {
        var path = Path.Combine(Path.GetDirectoryName(fixture.Options.BoxRoot)!, "coderoom-cache-staging-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string Inode(string path) => CodeRoom.Tests.Shared.FileStat.Of(path, "%i");

    private static string Owner(string path) => CodeRoom.Tests.Shared.FileStat.Of(path, "%u %g");
}
