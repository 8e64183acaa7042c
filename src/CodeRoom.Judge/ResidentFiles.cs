using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRoom.Judge;

/// <summary>
/// Keeps the files that every compile of a language reads (its prebuilt artifact, the standard library's archives, the
/// linker) mapped into this process, each page touched once, for as long as the judge lives.
/// </summary>
/// <remarks>
/// Why: a host may reclaim idle page cache on its own, as this kind of VM does (DAMON's <c>pageout</c> of file pages
/// that no process maps and nobody touched for a minute). Then the first compile after a quiet minute (a candidate
/// thinking) reads its precompiled header or std's metadata from disk again: 100-450 ms more here. Pages mapped by a
/// process are not "unmapped" page cache, so that reclaim passes them over; under real memory pressure the kernel can
/// still take them. Read-only, shared mappings of root-owned files: nothing of a candidate's ever goes through them.
/// Keeping a file twice is a no-op; a file that cannot be mapped is logged once and skipped.
/// </remarks>
public sealed partial class ResidentFiles(IOptions<JudgeOptions> options, ILogger<ResidentFiles> logger) : IDisposable
{
    private const int PageSize = 4096;
    private readonly ConcurrentDictionary<string, Kept?> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _requested = new(StringComparer.Ordinal);
    private int _disposed;

    private sealed record Kept(MemoryMappedFile File, MemoryMappedViewAccessor View, long Bytes);

    /// <summary>Bytes kept mapped now.</summary>
    public long Bytes => _kept.Values.Sum(k => k?.Bytes ?? 0);

    /// <summary>Keeps each path mapped (a file, or a directory's regular files, not its subdirectories), on the thread
    /// pool: the first compile of a language does not wait for it. Paths asked for before are not looked at again.</summary>
    public Task KeepAsync(IReadOnlyList<string> paths)
    {
        if (!options.Value.KeepToolchainFilesResident || Volatile.Read(ref _disposed) != 0)
        {
            return Task.CompletedTask;
        }
        var fresh = paths.Where(p => _requested.TryAdd(p, 0)).ToList();
        return fresh.Count == 0 ? Task.CompletedTask : Task.Run(() => Keep(fresh));
    }

    private void Keep(List<string> paths)
    {
        var added = KeepEach(paths);
        LogKept(string.Join(", ", paths), added / (1024.0 * 1024), Bytes / (1024.0 * 1024));
    }

    private long KeepEach(List<string> paths)
    {
        long added = 0;
        foreach (var path in paths)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                break;
            }
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path))
                {
                    added += KeepFile(file);
                }
            }
            else
            {
                added += KeepFile(path);
            }
        }
        return added;
    }

    /// <summary>The bytes this call mapped (0 when kept before, empty or missing).</summary>
    private long KeepFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (_kept.ContainsKey(full))
        {
            return 0;
        }
        Kept? kept = null;
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            var info = new FileInfo(full);
            if (info.Exists && info.Length > 0)
            {
                file = MemoryMappedFile.CreateFromFile(full, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
                view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
                // Touched once, so that the pages are mapped (a mapping alone maps nothing until it is read); never read
                // again after that.
                for (long offset = 0; offset < info.Length; offset += PageSize)
                {
                    view.ReadByte(offset);
                }
                kept = new Kept(file, view, info.Length);
                (file, view) = (null, null);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogNotKept(full, e.Message);
        }
        finally
        {
            // What a failure left half made.
            view?.Dispose();
            file?.Dispose();
        }
        if ((!_kept.TryAdd(full, kept) || Volatile.Read(ref _disposed) != 0) && kept is not null)
        {
            // Kept meanwhile by another call, or the judge is stopping.
            kept.View.Dispose();
            kept.File.Dispose();
            return 0;
        }
        return kept?.Bytes ?? 0;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (var kept in _kept.Values)
        {
            kept?.View.Dispose();
            kept?.File.Dispose();
        }
        _kept.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Keeping {Paths} resident: {Megabytes:0.0} MB more, {Total:0.0} MB in all")]
    private partial void LogKept(string paths, double megabytes, double total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep {Path} resident (compiles may read it from disk after a quiet minute): {Reason}")]
    private partial void LogNotKept(string path, string reason);
}
