// Writes one file in /tmp without end: RLIMIT_FSIZE must stop it (SIGXFSZ).
#include <cstdio>
#include <cstring>
int main() {
    FILE* f = std::fopen("/tmp/huge", "w");
    if (!f) { std::perror("fopen"); return 3; }
    static char buf[1 << 16];
    std::memset(buf, 'x', sizeof buf);
    for (long written = 0;; written += sizeof buf) {
        if (std::fwrite(buf, 1, sizeof buf, f) != sizeof buf) { std::printf("short write after %ld\n", written); return 4; }
    }
}
