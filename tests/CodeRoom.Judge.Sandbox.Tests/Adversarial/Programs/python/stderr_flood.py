import sys
while True:
    sys.stderr.write('e' * 4096)
