// Memory bomb with operator new: 1 MiB blocks, each touched so it is really resident.
#include <cstring>
#include <cstdio>
int main() {
    for (long i = 0;; ++i) {
        char* p = new char[1 << 20];
        std::memset(p, 1, 1 << 20);
        if (i % 64 == 0) std::printf("%ld MiB\n", i);
    }
}
