// An x32 syscall number (bit 30 set): also another ABI, it must be killed, not allowed.
#include <cstdio>
#include <unistd.h>
#include <sys/syscall.h>
int main() {
    std::puts("before");
    std::fflush(stdout);
    long ret = syscall(0x40000000L | SYS_getpid);
    std::printf("x32 returned %ld\n", ret);
}
