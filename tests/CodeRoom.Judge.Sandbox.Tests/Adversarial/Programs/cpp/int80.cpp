// A 32-bit syscall through int $0x80: i386 numbers differ (i386 288 is keyctl, x86_64 288 is accept4), so a filter
// that does not check the architecture is bypassed. The filter must kill the process (SIGSYS), which no handler can
// catch. Some kernels have no 32-bit entry at all (a PVM guest's: int $0x80 raises a general protection fault even
// outside any sandbox); there the syscall cannot be made, and the fault is reported so the test can say so.
#include <csignal>
#include <cstdio>
#include <unistd.h>

static void on_fault(int) {
    static const char message[] = "int 0x80 faulted\n";
    write(1, message, sizeof message - 1);
    _exit(3);
}

int main() {
    std::signal(SIGSEGV, on_fault);
    std::puts("before");
    std::fflush(stdout);
    long ret;
    asm volatile("int $0x80" : "=a"(ret) : "a"(20 /* i386 getpid */) : "memory");
    std::printf("int80 returned %ld\n", ret);
}
