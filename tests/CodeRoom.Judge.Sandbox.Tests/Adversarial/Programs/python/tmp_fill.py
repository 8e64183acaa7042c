# Fill the private /tmp (Piston fallocate.py): one write per MiB, up to 2 GiB.
import errno
written = 0
try:
    with open('/tmp/fill', 'wb') as f:
        chunk = b'x' * (1 << 20)
        for _ in range(2048):
            f.write(chunk)
            f.flush()
            written += len(chunk)
except OSError as e:
    print('stopped', errno.errorcode[e.errno], written >> 20)
