using CodeRoom.Judge.Contract;
using CodeRoom.Judge.Tests.Engine;
using CodeRoom.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRoom.Judge.Tests.Integrity;

/// <summary>
/// Issue 11 ("smaller"): the sandbox shows only what toolchains need. A candidate finds no host tools or their
/// config under /usr/local, no kernel config, no host-wide load figures, and not its host cgroup (docs/sandbox.md says
/// what stays visible).
/// </summary>
[Collection(nameof(JudgeCollection))]
public sealed class SandboxViewTests(JudgeFixture fixture)
{
    [Fact(Timeout = 60_000)]
    public async Task A_candidate_sees_no_host_tools_kernel_config_load_or_cgroup()
    {
        var (result, _) = await Integrity.JudgeWithDeadlineAsync(fixture, IntegrityProblems.Single, LanguageId.Python, Attacks.PythonHostProbe,
            JudgeMode.Run, TimeSpan.FromSeconds(60));
        var stdout = Assert.Single(result.Tests).Stdout;
        Assert.Contains("SHOWN /proc/self/mountinfo", stdout, StringComparison.Ordinal); // the probe ran
        TestContext.Current.SendDiagnosticMessage(stdout);

        var found = stdout.Split('\n').Where(l => l.StartsWith("FOUND ", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found) + "\n" + stdout);
        // The run's host cgroup (its name is the suite's Sandbox:CgroupName) is not in its cgroup or mount table. (The
        // box's host directory stays visible in mountinfo: a bind mount's source path; docs/sandbox.md says so.)
        var cgroup = fixture.Services.GetRequiredService<IConfiguration>()["Sandbox:CgroupName"];
        Assert.False(string.IsNullOrEmpty(cgroup));
        Assert.False(stdout.Contains(cgroup, StringComparison.Ordinal), $"the host cgroup {cgroup} is visible: {stdout}");
    }
}
