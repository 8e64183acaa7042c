# /dev/shm as extra RAM: write 1 GiB into it.
import errno
written = 0
try:
    with open('/dev/shm/x', 'wb') as f:
        chunk = b'x' * (1 << 20)
        for _ in range(1024):
            f.write(chunk)
            f.flush()
            written += len(chunk)
except OSError as e:
    print('stopped', errno.errorcode[e.errno], written >> 20)
