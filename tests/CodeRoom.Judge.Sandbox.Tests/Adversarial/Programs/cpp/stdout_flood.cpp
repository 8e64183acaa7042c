// Floods stdout with 64 KiB writes.
#include <unistd.h>
#include <cstring>
int main() {
    static char buf[65536];
    std::memset(buf, 'o', sizeof buf);
    for (;;) if (write(1, buf, sizeof buf) < 0) return 1;
}
