# Runs in the compile step (box writable): plants links for the host to trip over.
# argv[1] is a host directory holding a sentinel file.
import os, sys
def attempt(what, fn):
    try:
        fn()
        print(what, 'OK')
    except OSError as e:
        print(what, type(e).__name__)
attempt('symlink_shadow', lambda: os.symlink('/etc/shadow', '/box/prog'))
attempt('symlink_output', lambda: os.symlink('/etc/shadow', '/box/output.txt'))
attempt('symlink_dir', lambda: os.symlink(sys.argv[1], '/box/dirlink'))
attempt('symlink_root_bashrc', lambda: os.symlink('/root/.bashrc', '/box/run'))
attempt('hardlink_python', lambda: os.link('/usr/bin/python3.11', '/box/hard'))
attempt('hardlink_shadow', lambda: os.link('/etc/shadow', '/box/hard2'))
os.mkdir('/box/nested')
attempt('symlink_nested', lambda: os.symlink(sys.argv[1], '/box/nested/link'))
attempt('fifo', lambda: os.mkfifo('/box/fifo'))
os.chmod('/box/nested', 0)
