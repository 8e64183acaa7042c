// Reserve 64 GiB of address space without backing, then touch every page.
#include <sys/mman.h>
#include <cstdio>
int main() {
    size_t size = 1ul << 36;
    volatile char* p = static_cast<volatile char*>(mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0));
    if (p == static_cast<volatile char*>(MAP_FAILED)) { std::perror("mmap"); return 3; }
    for (size_t i = 0; i < size; i += 4096) p[i] = 1;
    std::puts("touched 64 GiB");
}
