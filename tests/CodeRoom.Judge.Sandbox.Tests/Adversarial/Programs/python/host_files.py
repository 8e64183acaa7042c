# Host secrets and the service's files. argv[1:] are extra host paths (the test assembly directory, the canary file).
import glob, os, sys
paths = ['/etc/shadow', '/etc/passwd', '/etc/hostname', '/root', '/root/.bashrc', '/home', '/work', '/work/shared',
         '/var/lib/postgresql', '/var/lib/coderoom', '/run', '/sys', '/sys/fs/cgroup', '/proc/self/root/etc/shadow'] + sys.argv[1:]
for p in paths:
    try:
        if os.path.isdir(p):
            print(p, 'LISTED', os.listdir(p)[:20])
        else:
            with open(p, 'rb') as f:
                print(p, 'READ', f.read(200))
    except OSError as e:
        print(p, type(e).__name__)
print('glob', glob.glob('/tmp/coderoom-canary-*'))
print('root', sorted(os.listdir('/')))
print('env', dict(os.environ))
