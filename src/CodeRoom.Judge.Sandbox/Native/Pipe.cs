using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CodeRoom.Judge.Sandbox.Native;

/// <summary>A close-on-exec pipe; the child gets one end through posix_spawn's dup2, which clears close-on-exec there.</summary>
internal sealed unsafe class Pipe : IDisposable
{
    public int ReadFd { get; private set; }
    public int WriteFd { get; private set; }

    public Pipe()
    {
        var fds = stackalloc int[2];
        if (Libc.pipe2(fds, Libc.O_CLOEXEC) != 0)
        {
            throw new SandboxUnavailableException($"pipe2 failed: errno {Marshal.GetLastPInvokeError()}");
        }
        ReadFd = fds[0];
        WriteFd = fds[1];
    }

    /// <summary>The parent's reading end as an async stream (PipeStream uses epoll, not a blocked thread).</summary>
    public Stream TakeReader()
    {
        var stream = new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(ReadFd, ownsHandle: true));
        ReadFd = -1;
        return stream;
    }

    public Stream TakeWriter()
    {
        var stream = new AnonymousPipeClientStream(PipeDirection.Out, new SafePipeHandle(WriteFd, ownsHandle: true));
        WriteFd = -1;
        return stream;
    }

    public void CloseRead()
    {
        if (ReadFd >= 0)
        {
            Libc.close(ReadFd);
            ReadFd = -1;
        }
    }

    public void CloseWrite()
    {
        if (WriteFd >= 0)
        {
            Libc.close(WriteFd);
            WriteFd = -1;
        }
    }

    public void Dispose()
    {
        CloseRead();
        CloseWrite();
    }
}
