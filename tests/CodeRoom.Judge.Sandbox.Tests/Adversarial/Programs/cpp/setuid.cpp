// Tries to become root, and to gain privileges through a setuid binary.
#include "probe.h"
#include <unistd.h>
#include <grp.h>
#include <sys/wait.h>
#include <fstream>
#include <string>
#include <iostream>
int main() {
    report("setuid0", setuid(0));
    report("setgid0", setgid(0));
    report("setresuid0", setresuid(0, 0, 0));
    gid_t g = 0;
    report("setgroups0", setgroups(1, &g));
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Uid:", 0) == 0 || line.rfind("CapEff:", 0) == 0 || line.rfind("CapPrm:", 0) == 0
            || line.rfind("NoNewPrivs:", 0) == 0 || line.rfind("CapBnd:", 0) == 0) std::cout << line << "\n";
    std::cout.flush();
    // A setuid-root binary from /usr: with no_new_privs and nosuid it runs with our uid, whatever it is.
    for (const char* bin : {"/usr/bin/su", "/usr/bin/mount", "/usr/bin/passwd", "/usr/bin/newgrp"}) {
        if (access(bin, X_OK) != 0) continue;
        pid_t pid = fork();
        if (pid == 0) {
            // /proc/self/status of the exec'd process is not readable from here; the kernel refuses the setuid bit,
            // so the binary sees our uid: "su" cannot switch user, "mount" cannot mount.
            execl(bin, bin, "--help", (char*)nullptr);
            _exit(127);
        }
        int st = 0;
        waitpid(pid, &st, 0);
        std::printf("ran %s\n", bin);
    }
    std::fflush(stdout);
    // mount as a setuid binary would do it for root
    pid_t pid = fork();
    if (pid == 0) { execl("/usr/bin/mount", "mount", "-t", "tmpfs", "none", "/tmp", (char*)nullptr); _exit(127); }
    int st = 0;
    waitpid(pid, &st, 0);
    std::printf("setuid_mount_exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}
