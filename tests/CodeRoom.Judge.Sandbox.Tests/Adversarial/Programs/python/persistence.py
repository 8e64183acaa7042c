# "write" leaves files in /tmp, /dev/shm and the box; "check" (a later run) looks for them.
import os, sys
paths = ['/tmp/persist', '/dev/shm/persist', '/box/persist']
if sys.argv[1] == 'write':
    for p in paths:
        try:
            with open(p, 'w') as f:
                f.write('left by an earlier run')
            os.chmod(p, 0o4777)
            print(p, 'WRITTEN')
        except OSError as e:
            print(p, type(e).__name__)
else:
    for p in paths:
        print(p, 'EXISTS' if os.path.exists(p) else 'absent')
