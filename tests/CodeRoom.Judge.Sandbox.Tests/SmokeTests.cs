using System.Text;

namespace CodeRoom.Judge.Sandbox.Tests;

[Collection(nameof(SandboxCollection))]
public sealed class SmokeTests(SandboxFixture fixture)
{
    private static SandboxSpec Shell(SandboxBox box, string script, SandboxLimits? limits = null) => new()
    {
        Command = ["/bin/sh", "-c", script],
        WorkingDirectory = box.Path,
        Limits = limits ?? new SandboxLimits(),
    };

    [Fact(Timeout = 30_000)]
    public async Task A_command_runs_as_an_unprivileged_uid_with_only_the_given_environment()
    {
        using var box = fixture.Sandbox.CreateBox();
        var outcome = await fixture.Sandbox.RunAsync(Shell(box, "id -u; env | sort; ls /proc/self/fd | sort -n | tr '\\n' ' '"),
            TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(outcome.Stdout);
        Assert.True(outcome.Succeeded, text + Encoding.UTF8.GetString(outcome.Stderr));
        var lines = text.Split('\n');
        Assert.NotEqual("0", lines[0]);
        Assert.DoesNotContain("HOME=", text);
        Assert.StartsWith("0 1 2 3 ", lines[^1]);
    }
}
