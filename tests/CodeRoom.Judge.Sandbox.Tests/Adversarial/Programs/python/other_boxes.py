# Other runs' boxes: argv[1] is the box root on the host, argv[2] a live box of another run.
import os, sys
for p in sys.argv[1:]:
    try:
        print(p, 'LISTED', os.listdir(p))
    except OSError as e:
        print(p, type(e).__name__)
    try:
        print(p, 'READ', open(os.path.join(p, 'secret.txt')).read())
    except OSError as e:
        print(p + '/secret.txt', type(e).__name__)
print('box', os.listdir('/box'))
