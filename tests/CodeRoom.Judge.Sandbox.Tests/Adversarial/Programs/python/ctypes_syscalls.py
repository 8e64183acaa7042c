# ctypes: raw syscalls from Python, past anything the interpreter would refuse.
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
def attempt(name, nr, *args):
    rc = libc.syscall(nr, *args)
    err = ctypes.get_errno()
    print(name, 'OK' if rc >= 0 else os.strerror(err))
attempt('ptrace_attach_1', 101, 16, 1, 0, 0)
attempt('unshare_newuser', 272, 0x10000000)
attempt('mount_tmpfs', 165, b'none', b'/tmp', b'tmpfs', 0, 0)
attempt('keyctl', 250, 0, -4, 0)
attempt('bpf', 321, 0, 0, 0)
attempt('setuid0', 105, 0)
attempt('socket_inet', 41, 2, 1, 0)
attempt('getpid', 39)
