// Memory bomb with malloc: 1 MiB blocks, touched. A NULL from malloc would be reported, not ignored.
#include <cstdlib>
#include <cstring>
#include <cstdio>
int main() {
    for (;;) {
        char* p = static_cast<char*>(std::malloc(1 << 20));
        if (!p) { std::puts("malloc returned NULL"); return 3; }
        std::memset(p, 1, 1 << 20);
    }
}
