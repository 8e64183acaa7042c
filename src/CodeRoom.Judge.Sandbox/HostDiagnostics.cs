using System.Diagnostics;
using CodeRoom.Judge.Sandbox.Cgroups;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodeRoom.Judge.Sandbox;

/// <summary>One finding of <c>coderoom doctor</c>: what was checked, whether it is fine, and how to fix it if not.</summary>
public sealed record HostCheck(string Name, bool Ok, string Detail, string? Fix = null);

/// <summary>Checks that a host can run the sandbox: the tools, user namespaces, cgroup controllers, seccomp, and a real
/// sandboxed run. Each failure says exactly what is missing and how to fix it.</summary>
public static class HostDiagnostics
{
    public static async Task<IReadOnlyList<HostCheck>> RunAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        var checks = new List<HostCheck>();
        var root = Native.Libc.geteuid() == 0;
        checks.Add(new HostCheck("supervisor runs as root", root, root ? "euid 0" : "euid is not 0",
            "run the service as root (it creates cgroups and drops every run to its own unprivileged uid)"));

        foreach (var (tool, package) in new[] { (options.BwrapPath, "bubblewrap"), (options.SetprivPath, "util-linux"), (options.PrlimitPath, "util-linux") })
        {
            var exists = File.Exists(tool);
            checks.Add(new HostCheck(Path.GetFileName(tool), exists, exists ? tool : $"{tool} not found", $"apt-get install -y {package}"));
        }
        if (File.Exists(options.BwrapPath))
        {
            var version = await OutputOfAsync(options.BwrapPath, "--version", cancellationToken).ConfigureAwait(false);
            var parsed = System.Text.RegularExpressions.Regex.Match(version, @"(\d+)\.(\d+)");
            var ok = parsed.Success && (int.Parse(parsed.Groups[1].Value) > 0 || int.Parse(parsed.Groups[2].Value) >= 8);
            checks.Add(new HostCheck("bubblewrap >= 0.8 (--size, --disable-userns)", ok, version.Trim(), "apt-get install -y bubblewrap (Debian 12 ships 0.8.0)"));
        }

        var maxUserNs = ReadTrimmed("/proc/sys/user/max_user_namespaces");
        var userNsOk = maxUserNs is not null && maxUserNs != "0";
        checks.Add(new HostCheck("user namespaces enabled", userNsOk, $"user.max_user_namespaces = {maxUserNs ?? "missing"}",
            "sysctl -w user.max_user_namespaces=15000"));
        var unprivileged = ReadTrimmed("/proc/sys/kernel/unprivileged_userns_clone");
        if (unprivileged is not null)
        {
            checks.Add(new HostCheck("unprivileged user namespaces", unprivileged == "1", $"kernel.unprivileged_userns_clone = {unprivileged}",
                "sysctl -w kernel.unprivileged_userns_clone=1"));
        }

        var rcuExpedited = ReadTrimmed(HostTuning.RcuExpeditedPath);
        if (rcuExpedited is not null)
        {
            var settable = options.ExpediteRcu && root && Writable(HostTuning.RcuExpeditedPath);
            checks.Add(new HostCheck("expedited RCU (fast moves into cgroups)", rcuExpedited == "1" || settable,
                $"kernel rcu_expedited = {rcuExpedited}" + (rcuExpedited != "1" && settable ? "; the service sets it to 1 when it starts" : ""),
                $"echo 1 > {HostTuning.RcuExpeditedPath}, or leave Sandbox:ExpediteRcu on: without it each sandbox start may wait 5-15 ms"));
        }

        var (v1, v2) = CgroupDetector.ReadCgroupMounts();
        var v1Ok = v1.ContainsKey("memory") && v1.ContainsKey("pids") && v1.ContainsKey("cpuacct");
        var cgroupDetail = v1Ok ? "cgroup v1 controllers memory, pids, cpuacct mounted" : v2 is not null ? $"cgroup v2 at {v2}" : "no cgroup mounts";
        checks.Add(new HostCheck("cgroup controllers", v1Ok || v2 is not null, cgroupDetail,
            "mount cgroup v2 at /sys/fs/cgroup with memory, pids and cpu delegated (systemd: Delegate=yes), or the v1 controllers"));
        if (v1Ok && File.Exists(Path.Combine(v1["memory"], "memory.memsw.limit_in_bytes")) is var swapAccounting)
        {
            checks.Add(new HostCheck("swap accounting (memsw) or no swap", swapAccounting || !HasSwap(),
                swapAccounting ? "memory.memsw.* present" : "no memsw files", "boot with swapaccount=1 or disable swap"));
        }

        var seccomp = File.Exists("/usr/lib/x86_64-linux-gnu/libseccomp.so.2") || File.Exists("/usr/lib/aarch64-linux-gnu/libseccomp.so.2")
            || File.Exists("/lib/x86_64-linux-gnu/libseccomp.so.2");
        checks.Add(new HostCheck("libseccomp", seccomp, seccomp ? "libseccomp.so.2 present" : "libseccomp.so.2 not found", "apt-get install -y libseccomp2"));

        if (checks.All(c => c.Ok))
        {
            checks.Add(await SmokeRunAsync(options, cancellationToken).ConfigureAwait(false));
        }
        return checks;
    }

    /// <summary>Whether this process may write the file (opened for writing and closed, nothing written).</summary>
    private static bool Writable(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<HostCheck> SmokeRunAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        var probe = new SandboxOptions
        {
            BwrapPath = options.BwrapPath,
            SetprivPath = options.SetprivPath,
            PrlimitPath = options.PrlimitPath,
            BoxRoot = options.BoxRoot,
            CgroupName = options.CgroupName + "-doctor",
            FirstSlotUid = options.FirstSlotUid,
            Slots = 1,
        };
        try
        {
            using var sandbox = new BwrapSandbox(probe, NullLogger<BwrapSandbox>.Instance);
            using var box = sandbox.CreateBox();
            var outcome = await sandbox.RunAsync(new SandboxSpec
            {
                Command = ["/bin/sh", "-c", "id -u; cat /etc/shadow 2>&1 | head -c 40"],
                WorkingDirectory = box.Path,
                Limits = new SandboxLimits { CpuTime = TimeSpan.FromSeconds(2), WallTime = TimeSpan.FromSeconds(5) },
            }, cancellationToken).ConfigureAwait(false);
            var text = System.Text.Encoding.UTF8.GetString(outcome.Stdout).Trim();
            var uidLine = text.Split('\n')[0];
            var ok = outcome.Succeeded && uidLine != "0" && !text.Contains("root:", StringComparison.Ordinal);
            return new HostCheck("a sandboxed run (uid, no /etc)", ok, $"{outcome.Reason}, uid {uidLine}",
                "see the details above; the sandbox fails closed, so no code runs until this passes");
        }
        catch (SandboxUnavailableException e)
        {
            return new HostCheck("a sandboxed run", false, e.Message, "fix the failing item named in the message");
        }
    }

    private static bool HasSwap()
    {
        var lines = File.Exists("/proc/swaps") ? File.ReadAllLines("/proc/swaps") : [];
        return lines.Length > 1;
    }

    private static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    private static async Task<string> OutputOfAsync(string file, string argument, CancellationToken cancellationToken)
    {
        // A trusted host tool (bwrap --version), not candidate code.
        using var process = Process.Start(new ProcessStartInfo(file, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return output;
    }
}
