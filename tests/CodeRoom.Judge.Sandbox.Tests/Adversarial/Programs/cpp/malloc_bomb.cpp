// Memory bomb with malloc: 1 MiB blocks, touched, kept reachable from a volatile global (else clang elides them).
// A NULL from malloc would be reported, not ignored.
#include <cstdlib>
#include <cstring>
#include <cstdio>
void* volatile last[1 << 16];
int main() {
    for (long i = 0;; ++i) {
        char* p = static_cast<char*>(std::malloc(1 << 20));
        if (!p) { std::puts("malloc returned NULL"); return 3; }
        std::memset(p, 1, 1 << 20);
        last[i & 0xffff] = p;
    }
}
