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

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fchown(int fd, int owner, int group);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fchmod(int fd, int mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int linkat(int olddirfd, string oldpath, int newdirfd, string newpath, int flags);

    /// <summary>
    /// Hard-links the regular files directly inside <paramref name="directory"/> (except <paramref name="skip"/>) into
    /// <paramref name="target"/>, without copying a byte: on this kind of VM writing fresh page cache costs ~10 ms per
    /// MB (a Go binary is 1.5 MB). Each file is opened without following links, must be a regular file with no other
    /// link (so nothing else shares it) within the size limits, and is made root's and read-only (0555 if any execute
    /// bit was set, else 0444) before it is linked: no sandbox uid can change it afterwards, through any path. False
    /// when one cannot be linked (<paramref name="target"/> on another filesystem, a file with other links, over the
    /// limits): the caller copies instead.
    /// </summary>
    public static unsafe bool TryLinkRegularFiles(string directory, string target, IReadOnlyCollection<string> skip,
        long maxFileBytes, long maxTotalBytes)
    {
        const int AT_EMPTY_PATH = 0x1000;
        const int AT_FDCWD = -100;
        const uint STATX_TYPE = 1, STATX_MODE = 2, STATX_NLINK = 4, STATX_SIZE = 0x200;
        var dirFd = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dirFd < 0)
        {
            return false;
        }
        try
        {
            long total = 0;
            var buffer = stackalloc byte[256];
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (skip.Contains(entry.Name))
                {
                    continue;
                }
                if (entry.LinkTarget is not null || entry is not FileInfo)
                {
                    continue; // as RegularFiles: links and directories are never stored
                }
                var fd = openat(dirFd, entry.Name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
                if (fd < 0)
                {
                    continue;
                }
                using var handle = new SafeFileHandle(fd, ownsHandle: true);
                if (statx(fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_SIZE, buffer) != 0)
                {
                    return false;
                }
                var nlink = *(uint*)(buffer + 16);
                var mode = *(ushort*)(buffer + 28);
                var size = *(long*)(buffer + 40);
                if ((mode & 0xF000) != 0x8000)
                {
                    continue; // a FIFO or device: not a compile's output
                }
                if (nlink != 1 || size > maxFileBytes || (total += size) > maxTotalBytes)
                {
                    return false;
                }
                var readOnly = (mode & 0b001_001_001) != 0 ? 0b101_101_101 : 0b100_100_100;
                if (fchown(fd, 0, 0) != 0 || fchmod(fd, readOnly) != 0
                    || linkat(fd, "", AT_FDCWD, Path.Combine(target, entry.Name), AT_EMPTY_PATH) != 0)
                {
                    return false;
                }
            }
            return true;
        }
        finally
        {
            close(dirFd);
        }
    }

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
