using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CodeRoom.Judge.Sandbox;

/// <summary>
/// Reads files out of a directory that sandboxed code could write, without following links planted there: openat
/// with O_NOFOLLOW relative to the directory, then fstat for a regular file (Judge0 CVE-2024-28185, go-judge #176).
/// </summary>
public static partial class SafeRead
{
    private const int O_RDONLY = 0;
    private const int O_NOFOLLOW = 0x20000;
    private const int O_CLOEXEC = 0x80000;
    private const int O_DIRECTORY = 0x10000;
    private const int O_NONBLOCK = 0x800;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int openat(int dirfd, string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    /// <summary>The regular files directly inside <paramref name="directory"/> (no links, no subdirectories), each at
    /// most <paramref name="maxFileBytes"/>; null when the total would exceed <paramref name="maxTotalBytes"/>.</summary>
    public static Dictionary<string, byte[]>? RegularFiles(string directory, long maxFileBytes, long maxTotalBytes)
    {
        var dirFd = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dirFd < 0)
        {
            return null;
        }
        try
        {
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null || entry is not FileInfo)
                {
                    continue;
                }
                var fd = openat(dirFd, entry.Name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
                if (fd < 0)
                {
                    continue; // a link (ELOOP) or gone: skipped, never followed
                }
                using var handle = new SafeFileHandle(fd, ownsHandle: true);
                // A FIFO or device would block or never end: only regular files have a length we can trust.
                if (!IsRegular(handle))
                {
                    continue;
                }
                using var stream = new FileStream(handle, FileAccess.Read, 1);
                var length = stream.Length;
                if (length > maxFileBytes || total + length > maxTotalBytes)
                {
                    return null;
                }
                var bytes = new byte[length];
                stream.ReadExactly(bytes);
                files[entry.Name] = bytes;
                total += length;
            }
            return files;
        }
        finally
        {
            close(dirFd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>fstat through statx (its layout is the same on every architecture): a regular file?</summary>
    private static unsafe bool IsRegular(SafeFileHandle handle)
    {
        const int AT_EMPTY_PATH = 0x1000;
        const uint STATX_TYPE = 1;
        var buffer = stackalloc byte[256];
        var fd = (int)handle.DangerousGetHandle();
        if (statx(fd, "", AT_EMPTY_PATH, STATX_TYPE, buffer) != 0)
        {
            return false;
        }
        var mode = *(ushort*)(buffer + 28);
        return (mode & 0xF000) == 0x8000;
    }
}
