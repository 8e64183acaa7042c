using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Builds each <see cref="PrebuiltArtifact"/> once (in the sandbox, like every compile) and keeps it in a
/// directory that sandboxes may read but never write. Keyed by content and toolchain, so a new harness or compiler
/// builds a new one.
/// </summary>
public sealed class PrebuiltArtifacts(ISandbox sandbox, IOptions<JudgeOptions> options, ResidentFiles resident)
{
    private readonly string _root = options.Value.PrebuiltRoot;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _building = new(StringComparer.Ordinal);

    private static readonly TimeSpan PrebuiltMinimumCpu = TimeSpan.FromMinutes(1);

    /// <summary>rustc peaks at ~450 MB building Rust's harness with its standard library instances.</summary>
    private const long PrebuiltMinimumMemoryBytes = 1024L * 1024 * 1024;

    public static string Key(ILanguageToolchain toolchain, PrebuiltArtifact artifact)
    {
        var text = new StringBuilder(artifact.Name).Append('\0').Append(artifact.MountPoint).Append('\0');
        foreach (var argument in artifact.Command)
        {
            text.Append(argument).Append('\0');
        }
        foreach (var (name, contents) in artifact.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\0').Append(contents).Append('\0');
        }
        text.Append(CompileCache.ToolchainStamp(toolchain));
        return artifact.Name + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    /// <summary>The plan with its prebuilt artifact (if any) built and mounted read-only at its mount point.</summary>
    public async Task<BuildPlan> MountAsync(ILanguageToolchain toolchain, BuildPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Prebuilt is not { } prebuilt)
        {
            _ = resident.KeepAsync(toolchain.ResidentPaths);
            return plan;
        }
        var directory = await EnsureAsync(toolchain, prebuilt, plan, BuildLimits(options.Value, plan), cancellationToken).ConfigureAwait(false);
        // What every compile of the language reads, kept in memory from its first compile on (off this compile's path).
        _ = resident.KeepAsync([directory, .. toolchain.ResidentPaths]);
        return plan with { Mounts = [.. plan.Mounts, new SandboxMount(directory, prebuilt.MountPoint)] };
    }

    /// <summary>
    /// Limits of building a prebuilt artifact: the compile step's, with room for the bigger job (a whole standard library;
    /// Rust's std instances take ~22 s of CPU on two threads), and never less than a minute of CPU and a gigabyte of
    /// memory whatever a candidate's compile is allowed: the command is the judge's own, run once per toolchain.
    /// </summary>
    internal static SandboxLimits BuildLimits(JudgeOptions options, BuildPlan plan)
    {
        var compile = CompileLimits(options, plan);
        var cpu = TimeSpan.FromTicks(Math.Max(compile.CpuTime.Ticks * 3, PrebuiltMinimumCpu.Ticks));
        return compile with
        {
            CpuTime = cpu,
            WallTime = cpu * 2 + TimeSpan.FromSeconds(15),
            MemoryBytes = Math.Max(compile.MemoryBytes, PrebuiltMinimumMemoryBytes),
        };
    }

    /// <summary>Limits of a compile step.</summary>
    public static SandboxLimits CompileLimits(JudgeOptions options, BuildPlan plan)
    {
        var cpu = TimeSpan.FromMilliseconds(Math.Min(options.CompileCpuMs, plan.CompileCpuTime.TotalMilliseconds));
        return new SandboxLimits
        {
            CpuTime = cpu,
            WallTime = cpu * 2 + TimeSpan.FromSeconds(5),
            MemoryBytes = Math.Min(options.CompileMemoryMb * 1024L * 1024, plan.CompileMemoryBytes),
            MaxProcesses = Math.Max(64, plan.MaxProcesses),
            OutputBytes = 64 * 1024,
            TmpBytes = 512L * 1024 * 1024,
            FileSizeBytes = 256L * 1024 * 1024,
        };
    }

    /// <summary>The host directory holding the built artifact; builds it first if needed.</summary>
    public async Task<string> EnsureAsync(ILanguageToolchain toolchain, PrebuiltArtifact artifact, BuildPlan plan,
        SandboxLimits limits, CancellationToken cancellationToken)
    {
        var key = Key(toolchain, artifact);
        var directory = Path.Combine(_root, key);
        if (Directory.Exists(directory))
        {
            return directory;
        }
        var gate = _building.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(directory))
            {
                return directory;
            }
            using var box = sandbox.CreateBox();
            foreach (var (name, contents) in artifact.Files)
            {
                box.WriteFile(name, contents);
            }
            var outcome = await sandbox.RunAsync(new SandboxSpec
            {
                Command = artifact.Command,
                WorkingDirectory = box.Path,
                WorkingDirectoryInSandbox = artifact.MountPoint,
                WorkingDirectoryWritable = true,
                ExtraMounts = plan.Mounts,
                Environment = plan.Environment,
                Limits = limits,
            }, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                throw new SandboxUnavailableException(
                    $"building {artifact.Name} failed ({outcome.Reason}, exit {outcome.ExitCode}): {Encoding.UTF8.GetString(outcome.Stderr)}");
            }
            var files = SafeRead.RegularFiles(box.Path, maxFileBytes: 512L << 20, maxTotalBytes: 1L << 30)
                ?? throw new SandboxUnavailableException($"building {artifact.Name} left unreadable or oversized output");
            Directory.CreateDirectory(_root);
            var staging = Path.Combine(_root, ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            Directory.CreateDirectory(staging);
            foreach (var (name, bytes) in files)
            {
                var path = Path.Combine(staging, name);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
            // Readable and traversable by the slot uids (bwrap binds it as them), writable by root only.
            File.SetUnixFileMode(staging, (UnixFileMode)0b111_101_101);
            try
            {
                Directory.Move(staging, directory);
            }
            catch (IOException) when (Directory.Exists(directory))
            {
                // Another process sharing the root (a runner, a second test host) built the same key meanwhile: the same
                // command over the same files, so theirs serves.
                Directory.Delete(staging, recursive: true);
            }
            return directory;
        }
        finally
        {
            gate.Release();
        }
    }
}
