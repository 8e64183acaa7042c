// Tries to trace or read the memory of other processes: the namespace's pid 1, the parent, a child.
#include "probe.h"
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
int main() {
    pid_t child = fork();
    if (child == 0) { for (;;) pause(); }
    report("ptrace_attach_pid1", ptrace(PTRACE_ATTACH, 1, nullptr, nullptr));
    report("ptrace_attach_parent", ptrace(PTRACE_ATTACH, getppid(), nullptr, nullptr));
    report("ptrace_attach_child", ptrace(PTRACE_ATTACH, child, nullptr, nullptr));
    report("ptrace_seize_child", ptrace(PTRACE_SEIZE, child, nullptr, nullptr));
    char buf[64];
    static char secret[64] = "x";
    iovec local{buf, sizeof buf}, remote{secret, sizeof secret};
    report("process_vm_readv_child", process_vm_readv(child, &local, 1, &remote, 1, 0));
    report("process_vm_writev_child", process_vm_writev(child, &local, 1, &remote, 1, 0));
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
}
