using System.Runtime.InteropServices;

namespace CodeRoom.Judge.Sandbox.Native;

/// <summary>
/// Builds the seccomp BPF program with Debian's libseccomp (libseccomp2, present wherever bwrap is). Default allow,
/// with denials for what candidate code never needs; libseccomp adds the architecture check (other ABIs are killed)
/// and rejects x32 syscall numbers, which closes the int 0x80 / x32 bypasses (sandbox-security.md V9).
/// </summary>
internal static unsafe partial class Seccomp
{
    private const string Lib = "libseccomp.so.2";

    private const uint SCMP_ACT_ALLOW = 0x7fff0000;
    private const uint SCMP_ACT_ERRNO_BASE = 0x00050000;
    private const int SCMP_FLTATR_ACT_BADARCH = 2;
    private const uint SCMP_ACT_KILL_PROCESS = 0x80000000;
    private const int SCMP_CMP_NE = 1;
    private const int EPERM = 1;
    private const int EAFNOSUPPORT = 97;
    private const int AF_UNIX = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct ScmpArgCmp
    {
        public uint Arg;
        public int Op;
        public ulong DatumA;
        public ulong DatumB;
    }

    [LibraryImport(Lib)]
    private static partial nint seccomp_init(uint defAction);

    [LibraryImport(Lib)]
    private static partial void seccomp_release(nint ctx);

    [LibraryImport(Lib)]
    private static partial int seccomp_attr_set(nint ctx, int attr, uint value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int seccomp_syscall_resolve_name(string name);

    [LibraryImport(Lib)]
    private static partial int seccomp_rule_add_array(nint ctx, uint action, int syscall, uint argCount, ScmpArgCmp* args);

    [LibraryImport(Lib)]
    private static partial int seccomp_export_bpf(nint ctx, int fd);

    /// <summary>Syscalls denied with EPERM. Namespaces, mounts, tracing, kernel keyrings, BPF, module and kexec
    /// loading, io_uring (it can open sockets past a socket() filter) and the rest of the kernel's attack surface
    /// that no interview solution needs.</summary>
    internal static readonly string[] DeniedSyscalls =
    [
        "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
        "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick",
        "mount_setattr", "unshare", "setns", "bpf", "perf_event_open", "userfaultfd",
        "keyctl", "add_key", "request_key",
        "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
        "io_uring_setup", "io_uring_enter", "io_uring_register",
        "personality", "open_by_handle_at", "name_to_handle_at", "acct", "swapon", "swapoff", "reboot",
        "sethostname", "setdomainname", "iopl", "ioperm", "syslog", "quotactl", "lookup_dcookie",
        "fanotify_init", "nfsservctl", "vhangup", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
    ];

    /// <summary>Compiles the filter and returns the BPF program bytes, to be handed to bwrap --seccomp.</summary>
    public static byte[] BuildProgram()
    {
        var ctx = seccomp_init(SCMP_ACT_ALLOW);
        if (ctx == 0)
        {
            throw new SandboxUnavailableException("libseccomp: seccomp_init failed");
        }
        try
        {
            Check(seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS), "bad-arch action");
            foreach (var name in DeniedSyscalls)
            {
                var nr = seccomp_syscall_resolve_name(name);
                if (nr < 0)
                {
                    continue; // not a syscall on this architecture
                }
                Check(seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO_BASE | EPERM, nr, 0, null), name);
            }
            // Sockets: only AF_UNIX (the JVM and CPython use it locally). Everything else fails as if the kernel had no
            // such family, on top of the empty network namespace.
            var socketNr = seccomp_syscall_resolve_name("socket");
            var cmp = new ScmpArgCmp { Arg = 0, Op = SCMP_CMP_NE, DatumA = AF_UNIX };
            Check(seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO_BASE | EAFNOSUPPORT, socketNr, 1, &cmp), "socket");

            return Export(ctx);
        }
        finally
        {
            seccomp_release(ctx);
        }
    }

    private static byte[] Export(nint ctx)
    {
        var memfd = MemFd.Create("coderoom-seccomp");
        try
        {
            Check(seccomp_export_bpf(ctx, memfd.Fd), "export");
            return memfd.ReadAll();
        }
        finally
        {
            memfd.Dispose();
        }
    }

    private static void Check(int rc, string what)
    {
        if (rc < 0)
        {
            throw new SandboxUnavailableException($"libseccomp: {what} failed with {rc}");
        }
    }
}
