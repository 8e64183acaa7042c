using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11 ("smaller"): the sandbox shows only what toolchains need. A candidate finds no host tools or their
/// config under /usr/local, no kernel config, no host-wide load, and no host path of its box or cgroup in its mount
/// table (docs/sandbox.md says what stays visible).
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class SandboxViewTests(JudgeFixture fixture)
{
    [Fact(Timeout = 60_000)]
    public async Task A_candidate_sees_no_host_tools_kernel_config_load_or_host_paths()
    {
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Single, LanguageId.Python, Attacks.PythonHostProbe,
            JudgeMode.Run, TimeSpan.FromSeconds(60));
        var stdout = Assert.Single(result.Tests).Stdout;
        Assert.Contains("MOUNTINFO", stdout, StringComparison.Ordinal); // the probe ran

        TestContext.Current.SendDiagnosticMessage(stdout);
        var found = stdout.Split('\n').Where(l => l.StartsWith("FOUND ", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found) + "\n" + stdout);
        var configuration = fixture.Services.GetRequiredService<IConfiguration>();
        var mounts = stdout[stdout.IndexOf("MOUNTINFO", StringComparison.Ordinal)..];
        foreach (var host in new[] { configuration["Sandbox:BoxRoot"], configuration["Sandbox:CgroupName"] })
        {
            Assert.False(string.IsNullOrEmpty(host));
            Assert.False(mounts.Contains(host, StringComparison.Ordinal), $"the mount table shows the host path {host}: {mounts}");
        }
    }
}
