# Piston runaway_output.py
while True:
    print('x' * 1000)
