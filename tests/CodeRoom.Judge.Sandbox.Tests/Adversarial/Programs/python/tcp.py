# TCP egress and SSRF to local services (Judge0 CVE-2024-29021 pattern).
import errno, socket
for host, port in [('1.1.1.1', 80), ('127.0.0.1', 5432), ('127.0.0.1', 6379), ('::1', 5432)]:
    try:
        socket.create_connection((host, port), 2).close()
        print(host, port, 'CONNECTED')
    except OSError as e:
        print(host, port, errno.errorcode.get(e.errno, e.errno))
