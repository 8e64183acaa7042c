using System.Security.Cryptography;
using System.Text;
using CodeRoom.Judge.Languages;
using CodeRoom.Judge.Sandbox;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Content-addressed cache of compile outputs: unchanged code run again (Run, then Submit) skips the compiler. The key
/// covers the language, the compile command (flags), every file of the plan (the harness and its version included)
/// and the compiler binaries themselves (size and mtime), so a toolchain upgrade misses the cache. Entries live in a
/// root-only directory no sandbox ever sees; they are copied into a fresh box before anything runs there.
/// </summary>
public sealed class CompileCache
{
    private readonly string _root;
    private readonly int _maxEntries;
    private readonly Lock _lock = new();

    public CompileCache(IOptions<JudgeOptions> options)
    {
        _root = options.Value.CompileCacheRoot;
        _maxEntries = options.Value.CompileCacheEntries;
    }

    public bool Enabled => _maxEntries > 0;

    public static string Key(ILanguageToolchain toolchain, BuildPlan plan)
    {
        var text = new StringBuilder();
        text.Append(toolchain.Id).Append('\0');
        foreach (var argument in plan.CompileCommand ?? [])
        {
            text.Append(argument).Append('\0');
        }
        text.Append(ToolchainStamp(toolchain));
        if (plan.Prebuilt is { } prebuilt)
        {
            text.Append(PrebuiltArtifacts.Key(toolchain, prebuilt)).Append('\0');
        }
        foreach (var (name, contents) in plan.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\0').Append(contents.Length).Append('\0').Append(contents).Append('\0');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Identifies the installed compilers and runtimes by size and modification time.</summary>
    public static string ToolchainStamp(ILanguageToolchain toolchain)
    {
        var text = new StringBuilder();
        foreach (var file in toolchain.RequiredFiles)
        {
            var info = new FileInfo(file);
            text.Append(file).Append(':').Append(info.Exists ? info.Length : -1).Append(':')
                .Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('\0');
        }
        return text.ToString();
    }

    /// <summary>Copies a cached compile's outputs into the box; false on a miss.</summary>
    public bool TryRestore(string key, SandboxBox box)
    {
        if (!Enabled)
        {
            return false;
        }
        var entry = Path.Combine(_root, key);
        if (!Directory.Exists(entry))
        {
            return false;
        }
        try
        {
            foreach (var file in Directory.GetFiles(entry))
            {
                var target = Path.Combine(box.Path, Path.GetFileName(file));
                File.Copy(file, target, overwrite: true);
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
            // The directory's mtime is the LRU clock.
            Directory.SetLastWriteTimeUtc(entry, TimeProvider.System.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (IOException)
        {
            return false; // evicted meanwhile: compile again
        }
    }

    /// <summary>How a compile's outputs went into the cache.</summary>
    internal enum StoreKind
    {
        Disabled,
        /// <summary>Hard-linked in place: no byte written.</summary>
        Linked,
        /// <summary>Copied: the cache is on another filesystem than the boxes, the kernel refused the link
        /// (<c>linkat(AT_EMPTY_PATH)</c> needs CAP_DAC_READ_SEARCH before Linux 6.10), or a file had other links.</summary>
        Copied,
        /// <summary>Not stored: an output over the size limits, or unreadable.</summary>
        Refused,
    }

    /// <summary>Stores the regular files the compile left in the box (opened without following links).</summary>
    public void Store(string key, SandboxBox box, IReadOnlyCollection<string> sources)
    {
        var kind = StoreAs(key, box, sources);
        if (kind != StoreKind.Disabled)
        {
            // A cache that always copies is slower (fresh page cache), never wrong: the metric is how an operator sees it.
            Telemetry.JudgeTelemetry.CompileCacheStores.Add(1, new KeyValuePair<string, object?>("coderoom.cache.store",
                kind == StoreKind.Linked ? "link" : kind == StoreKind.Copied ? "copy" : "refused"));
        }
    }

    internal StoreKind StoreAs(string key, SandboxBox box, IReadOnlyCollection<string> sources)
    {
        if (!Enabled)
        {
            return StoreKind.Disabled;
        }
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var staging = Path.Combine(_root, ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        Directory.CreateDirectory(staging);
        // Linked, not copied, when the box and the cache share a filesystem: the compiler's output becomes root's and
        // read-only in place (sandbox-security: nothing a sandbox uid owns is ever shared), and no byte is written.
        // The sources are written from the plan anyway.
        var kind = StoreKind.Linked;
        if (!SafeRead.TryLinkRegularFiles(box.Path, staging, sources, MaxFileBytes, MaxTotalBytes))
        {
            kind = StoreKind.Copied;
            if (!CopyInto(staging, box, sources))
            {
                Directory.Delete(staging, recursive: true);
                return StoreKind.Refused;
            }
        }
        var entry = Path.Combine(_root, key);
        try
        {
            Directory.Move(staging, entry);
        }
        catch (IOException)
        {
            Directory.Delete(staging, recursive: true); // another run stored the same key first
        }
        Evict();
        return kind;
    }

    private const long MaxFileBytes = 64L << 20;
    private const long MaxTotalBytes = 128L << 20;

    /// <summary>The copying store (another filesystem, or a file the link refused): read without following links,
    /// written fresh; executables stay executable, nothing is setuid or writable by others.</summary>
    private static bool CopyInto(string staging, SandboxBox box, IReadOnlyCollection<string> sources)
    {
        foreach (var file in Directory.EnumerateFiles(staging))
        {
            File.Delete(file); // what a link attempt placed before it gave up
        }
        if (SafeRead.RegularFiles(box.Path, MaxFileBytes, MaxTotalBytes) is not { } files)
        {
            return false;
        }
        foreach (var (name, bytes) in files)
        {
            if (sources.Contains(name))
            {
                continue;
            }
            var path = Path.Combine(staging, name);
            File.WriteAllBytes(path, bytes);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return true;
    }

    private void Evict()
    {
        lock (_lock)
        {
            var entries = new DirectoryInfo(_root).GetDirectories().Where(d => !d.Name.StartsWith('.')).ToList();
            if (entries.Count <= _maxEntries)
            {
                return;
            }
            foreach (var old in entries.OrderBy(d => d.LastWriteTimeUtc).Take(entries.Count - _maxEntries))
            {
                try
                {
                    old.Delete(recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
