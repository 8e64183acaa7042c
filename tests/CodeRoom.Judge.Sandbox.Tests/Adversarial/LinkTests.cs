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
        box.WriteFile("plant.py", "import os\nos.symlink('/etc/shadow', '/box/prog')\n");
        var plant = await _attack.CompileInAsync(box, [Attack.Python, "-S", "-B", "/box/plant.py"], Attack.Limits());
        Assert.True(plant.Outcome.Succeeded, plant.ToString());
        using var target = fixture.Sandbox.CreateBox();
        Assert.ThrowsAny<Exception>(() => Attack.CopyIn(Path.Combine(box.Path, "prog"), target, "prog"));
        Assert.False(File.Exists(Path.Combine(target.Path, "prog")));
    }
}
