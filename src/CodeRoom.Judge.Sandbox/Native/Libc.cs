using System.Runtime.InteropServices;

namespace CodeRoom.Judge.Sandbox.Native;

/// <summary>
/// The few libc calls the supervisor needs. System.Diagnostics.Process only wires stdin, stdout and stderr and opens
/// everything else close-on-exec, but bwrap takes its arguments, seccomp program and status channel as inherited
/// descriptors: so we spawn with posix_spawn and explicit file actions (sandbox-security.md, "Note for a .NET
/// supervisor"). posix_spawn uses CLONE_VFORK, which is safe in a multi-threaded runtime, unlike fork.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    public const int O_CLOEXEC = 0x80000;
    public const int O_NONBLOCK = 0x800;
    public const int POSIX_SPAWN_SETSIGDEF = 0x04;
    public const int POSIX_SPAWN_SETSIGMASK = 0x08;
    public const int WNOHANG = 1;
    public const int SIGKILL = 9;
    public const int EINTR = 4;
    public const int ECHILD = 10;
    public const int ESRCH = 3;

    // glibc x86_64/aarch64: posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336; we over-allocate.
    public const int FileActionsSize = 256;
    public const int SpawnAttrSize = 512;
    public const int SigSetSize = 128;

    public const int PRIO_PROCESS = 0;

    /// <summary>On Linux, PRIO_PROCESS with a thread id sets that one thread's nice value.</summary>
    [LibraryImport(Lib, SetLastError = true)]
    public static partial int setpriority(int which, int who, int prio);

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Lib, SetLastError = true)]
    public static partial nint write(int fd, byte* buf, nint count);

    [LibraryImport(Lib)]
    public static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport(Lib)]
    public static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport(Lib)]
    public static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newfd);

    [LibraryImport(Lib)]
    public static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int from);

    [LibraryImport(Lib)]
    public static partial int posix_spawnattr_init(void* attr);

    [LibraryImport(Lib)]
    public static partial int posix_spawnattr_destroy(void* attr);

    [LibraryImport(Lib)]
    public static partial int posix_spawnattr_setflags(void* attr, short flags);

    [LibraryImport(Lib)]
    public static partial int posix_spawnattr_setsigmask(void* attr, void* sigset);

    [LibraryImport(Lib)]
    public static partial int posix_spawnattr_setsigdefault(void* attr, void* sigset);

    [LibraryImport(Lib)]
    public static partial int sigemptyset(void* set);

    [LibraryImport(Lib)]
    public static partial int sigfillset(void* set);

    [LibraryImport(Lib)]
    public static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int kill(int pid, int sig);

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int geteuid();

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int fchown(int fd, int owner, int group);

    public const int PR_SET_CHILD_SUBREAPER = 36;

    [LibraryImport(Lib, SetLastError = true)]
    public static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
