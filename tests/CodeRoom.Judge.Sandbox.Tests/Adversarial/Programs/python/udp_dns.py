# DNS resolution and raw UDP to a public resolver.
import errno, socket
try:
    print('resolved', socket.getaddrinfo('example.com', 80))
except OSError as e:
    print('getaddrinfo', type(e).__name__, e.errno)
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(b'\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01', ('8.8.8.8', 53))
    print('udp SENT')
except OSError as e:
    print('udp', errno.errorcode.get(e.errno, e.errno))
