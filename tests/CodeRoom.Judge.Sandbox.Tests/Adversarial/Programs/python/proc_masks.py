# The synthetic /proc files are read-only binds: no write, no chmod, nothing new in a masked directory, no unmount.
import ctypes, os
before = open('/proc/meminfo').read()
def attempt(name, action):
    try:
        action()
        print(name, 'OK')
    except OSError as e:
        print(name, 'errno', e.errno)
def write():
    with open('/proc/meminfo', 'w') as f:
        f.write('MemTotal: 1 kB\n')
def create():
    with open('/proc/pressure/x', 'w') as f:
        f.write('x')
def umount():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.umount2(b'/proc/meminfo', 2) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
attempt('write /proc/meminfo', write)
attempt('chmod /proc/meminfo', lambda: os.chmod('/proc/meminfo', 0o666))
attempt('create /proc/pressure/x', create)
attempt('umount /proc/meminfo', umount)
print('meminfo unchanged', open('/proc/meminfo').read() == before)
