# Shelling out: os.system, subprocess, exec. Everything runs inside the same sandbox.
import os, subprocess
os.system('echo system uid=$(id -u); cat /etc/shadow 2>&1 | head -c 200; ls / | tr "\\n" " "; echo')
r = subprocess.run(['/bin/sh', '-c', 'env; cat /proc/1/environ; ls /work /root 2>&1; ping -c1 1.1.1.1 2>&1 | head -c 200'],
                   capture_output=True, text=True)
print('subprocess', r.returncode, r.stdout, r.stderr)
r = subprocess.run(['/usr/bin/python3.11', '-S', '-c', 'import os; print("child", os.getuid(), os.getppid())'], capture_output=True, text=True)
print(r.stdout.strip())
