# List growth: 1 MiB bytearrays (zero-filled, so resident) until something stops it.
a = []
while True:
    a.append(bytearray(1 << 20))
