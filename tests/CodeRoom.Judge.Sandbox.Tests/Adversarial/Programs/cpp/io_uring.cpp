// io_uring can open files and sockets past a syscall filter.
#include "probe.h"
#include <sys/syscall.h>
#include <unistd.h>
int main() {
    char params[120] = {};
    report("io_uring_setup", syscall(SYS_io_uring_setup, 8, params));
    report("io_uring_enter", syscall(SYS_io_uring_enter, 0, 0, 0, 0, nullptr, 0));
    report("io_uring_register", syscall(SYS_io_uring_register, 0, 0, nullptr, 0));
}
