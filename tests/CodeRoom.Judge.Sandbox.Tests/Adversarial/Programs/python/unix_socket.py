# Unix sockets: PostgreSQL's socket, and an abstract socket another run might listen on.
import errno, socket
for path in ['/run/postgresql/.s.PGSQL.5432', '/var/run/postgresql/.s.PGSQL.5432', '/tmp/.s.PGSQL.5432', '\0coderoom-abstract']:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        print(repr(path), 'CONNECTED')
    except OSError as e:
        print(repr(path), errno.errorcode.get(e.errno, e.errno))
# Listening on an abstract name works, but only inside this run's network namespace.
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind('\0coderoom-abstract-listener')
s.listen()
print('abstract listen OK')
