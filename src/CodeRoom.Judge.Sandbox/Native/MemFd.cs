using System.Runtime.InteropServices;

namespace CodeRoom.Judge.Sandbox.Native;

/// <summary>An anonymous in-memory file, for libseccomp to export its program into.</summary>
internal sealed partial class MemFd : IDisposable
{
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int memfd_create(string name, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial long lseek(int fd, long offset, int whence);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int fd, byte* buf, nint count);

    public int Fd { get; }

    private MemFd(int fd) => Fd = fd;

    public static MemFd Create(string name)
    {
        const uint MFD_CLOEXEC = 1;
        var fd = memfd_create(name, MFD_CLOEXEC);
        if (fd < 0)
        {
            throw new SandboxUnavailableException($"memfd_create failed: errno {Marshal.GetLastPInvokeError()}");
        }
        return new MemFd(fd);
    }

    public unsafe void WriteAllAndRewind(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = Libc.write(Fd, p + done, data.Length - done);
                if (n <= 0)
                {
                    throw new SandboxUnavailableException($"writing a memfd failed: errno {Marshal.GetLastPInvokeError()}");
                }
                done += (int)n;
            }
        }
        lseek(Fd, 0, 0);
    }

    public unsafe byte[] ReadAll()
    {
        var size = lseek(Fd, 0, 2);
        lseek(Fd, 0, 0);
        var bytes = new byte[size];
        fixed (byte* p = bytes)
        {
            long done = 0;
            while (done < size)
            {
                var n = read(Fd, p + done, (nint)(size - done));
                if (n <= 0)
                {
                    throw new SandboxUnavailableException("reading the seccomp program failed");
                }
                done += n;
            }
        }
        return bytes;
    }

    public void Dispose() => Libc.close(Fd);
}
