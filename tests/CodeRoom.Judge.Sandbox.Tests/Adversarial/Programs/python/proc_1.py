# pid 1 of the namespace is bwrap: its environment and command line were the host's view of the run.
import os
print('environ', repr(open('/proc/1/environ', 'rb').read()))
print('cmdline', repr(open('/proc/1/cmdline', 'rb').read()))
print('self_environ', repr(open('/proc/self/environ', 'rb').read()))
print('pids', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))
print('uid_map', repr(open('/proc/self/uid_map').read()))
try:
    print('pid1_root', os.listdir('/proc/1/root'))
except OSError as e:
    print('pid1_root', type(e).__name__)
