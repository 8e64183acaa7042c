# What the sandbox shows of the host: each file's contents (or the error opening it), each directory's listing.
# argv[1:] are the paths to show; each answer starts with a line '== <path>'.
import os, sys
for p in sys.argv[1:]:
    print('==', p)
    try:
        if os.path.isdir(p):
            print('LISTED', sorted(os.listdir(p)))
        else:
            with open(p, 'rb') as f:
                data = f.read(16384)
            print('READ', len(data))
            print(data.decode('utf-8', 'replace'))
    except OSError as e:
        print('ERROR', type(e).__name__, e.errno)
