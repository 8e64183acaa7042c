using System.Diagnostics;
using CodeRoom.Tests.Shared;

namespace CodeRoom.Runner.Tests;

/// <summary>deploy/systemd: the unit files docs/deploy.md tells an operator to install.</summary>
public sealed class DeployUnitTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_systemd_units_pass_systemd_analyze_verify_with_no_warning()
    {
        var dir = Directory.CreateTempSubdirectory("coderoom-units-").FullName;
        try
        {
            var source = Path.Combine(TestServers.RepoRoot, "deploy", "systemd");
            // Templates are verified as instances, as systemctl would start them.
            File.Copy(Path.Combine(source, "coderoom-api@.service"), Path.Combine(dir, "coderoom-api@8080.service"));
            File.Copy(Path.Combine(source, "coderoom-runner@.service"), Path.Combine(dir, "coderoom-runner@0.service"));
            var info = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "verify", Path.Combine(dir, "coderoom-api@8080.service"), Path.Combine(dir, "coderoom-runner@0.service") })
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var output = (await stdout + await stderr).Trim();
            Assert.True(process.ExitCode == 0 && output.Length == 0, $"systemd-analyze verify: exit {process.ExitCode}\n{output}");

            // The Api's unit runs as the user scripts/create-service-user.sh makes, without capabilities.
            var api = await File.ReadAllTextAsync(Path.Combine(source, "coderoom-api@.service"), TestContext.Current.CancellationToken);
            Assert.Contains("User=coderoom", api);
            Assert.Contains("CapabilityBoundingSet=\n", api);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
