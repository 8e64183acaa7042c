# Fork bomb (Piston tests/fork.py): fork forever, ignore failures.
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
