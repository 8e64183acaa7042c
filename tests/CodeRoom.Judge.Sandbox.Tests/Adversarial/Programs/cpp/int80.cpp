// A 32-bit syscall through int $0x80: i386 numbers differ (i386 288 is keyctl, x86_64 288 is accept4), so a filter
// that does not check the architecture is bypassed. The filter must kill the process (SIGSYS).
#include <cstdio>
int main() {
    std::puts("before");
    std::fflush(stdout);
    long ret;
    asm volatile("int $0x80" : "=a"(ret) : "a"(20 /* i386 getpid */) : "memory");
    std::printf("int80 returned %ld\n", ret);
}
