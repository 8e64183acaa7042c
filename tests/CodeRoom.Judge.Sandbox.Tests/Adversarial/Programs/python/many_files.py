# Inode exhaustion: empty files in /tmp until the filesystem or a limit says no.
import errno, os
n = 0
try:
    for n in range(10**7):
        os.close(os.open(f'/tmp/{n}', os.O_CREAT | os.O_WRONLY, 0o644))
except OSError as e:
    print('stopped', errno.errorcode[e.errno], n)
