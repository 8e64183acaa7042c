// New namespaces: a user namespace would give capabilities inside it (the first step of many kernel exploits).
#include "probe.h"
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
int main() {
    report("unshare_user", unshare(CLONE_NEWUSER));
    report("unshare_mount", unshare(CLONE_NEWNS));
    report("unshare_net", unshare(CLONE_NEWNET));
    report("unshare_pid", unshare(CLONE_NEWPID));
    // clone() with namespace flags is not the unshare syscall: it must fail too.
    long pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, nullptr, nullptr, nullptr, nullptr);
    if (pid == 0) _exit(0);
    if (pid > 0) waitpid(pid, nullptr, 0);
    report("clone_newuser", pid);
    pid = syscall(SYS_clone, CLONE_NEWNS | SIGCHLD, nullptr, nullptr, nullptr, nullptr);
    if (pid == 0) _exit(0);
    if (pid > 0) waitpid(pid, nullptr, 0);
    report("clone_newns", pid);
    int fd = open("/proc/1/ns/mnt", O_RDONLY);
    report("setns_pid1_mnt", fd < 0 ? fd : setns(fd, 0));
}
