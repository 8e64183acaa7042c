namespace CodeRoom.Judge.Sandbox.Tests;

[Collection(nameof(SandboxCollection))]
public sealed class HostTuningTests(SandboxFixture fixture)
{
    [Fact]
    public void Expediting_rcu_writes_1_once_and_says_why_when_it_cannot()
    {
        var path = Path.Combine(Path.GetTempPath(), "coderoom-rcu-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(path, "0\n");
            Assert.Equal((true, (string?)null), HostTuning.ExpediteRcu(path));
            Assert.Equal("1", File.ReadAllText(path).Trim());
            Assert.Equal((false, (string?)null), HostTuning.ExpediteRcu(path));
        }
        finally
        {
            File.Delete(path);
        }
        var (changed, problem) = HostTuning.ExpediteRcu("/nonexistent-dir/rcu_expedited");
        Assert.False(changed);
        Assert.Contains("cannot be set", problem);
    }

    [Fact]
    public void The_sandbox_expedites_rcu_on_this_host_when_it_starts()
    {
        // The suite's sandbox started with Sandbox:ExpediteRcu on (the default), as root, on a VM whose /sys it may write
        // (it writes the cgroup tree there too).
        Assert.True(fixture.Options.ExpediteRcu);
        var value = File.ReadAllText(HostTuning.RcuExpeditedPath).Trim();
        if (value != "1")
        {
            Assert.Fail($"{HostTuning.RcuExpeditedPath} is {value} after the sandbox started: {HostTuning.ExpediteRcu().Problem}");
        }
    }
}
